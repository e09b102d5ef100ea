// The operator's `loaphuong media ...` end to end on the real binary, a real SQLite file and
// files made by ffmpeg at test time.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

class MediaCli : public testing::Test {
protected:
    lp::test::TempDir dir;
    std::string config = (dir / "lp.toml").string();

    MediaCli() { std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"; }

    lp::test::CommandResult run(const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args);
    }

    std::size_t media_files() {
        std::size_t n = 0;
        if (std::filesystem::exists(dir / "media"))
            for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "media")) ++n;
        return n;
    }
};

TEST_F(MediaCli, AddListShowEditRetire) {
    const auto file = dir / "Bản tin sáng – cải cách.mp3";
    lp::test::make_audio(file, 2.0, {.extra_args = "-id3v2_version 3 -metadata title='Cải cách thủ tục hành chính'"});
    auto r = run("media add " + shell_quote(file.string()) +
                 " --topic i --topic m --form tin --source 'UBND phường' --valid-until 31/12/2026");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã nhập #1 \"Cải cách thủ tục hành chính\""), std::string::npos) << r.output;
    EXPECT_EQ(media_files(), 1u);

    r = run("media add " + shell_quote(file.string()));
    EXPECT_EQ(r.exit_code, 0) << "a duplicate is not an error";
    EXPECT_NE(r.output.find("Đã có trong thư viện (cùng nội dung SHA-256): #1"), std::string::npos) << r.output;
    EXPECT_EQ(media_files(), 1u);

    r = run("media list --search 'cai cach'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("#1  00:00:02  [i, m / tin]  Cải cách thủ tục hành chính  (hiệu lực … – 31/12/2026)"),
              std::string::npos)
        << r.output;
    EXPECT_NE(run("media list --topic m").output.find("#1"), std::string::npos);
    EXPECT_EQ(run("media list --topic a").output.find("#1"), std::string::npos);

    r = run("media show 1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Nội dung: i – Chỉ tiêu CCHC năm 2026"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Nguồn: UBND phường"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Tệp gốc: Bản tin sáng – cải cách.mp3"), std::string::npos) << r.output;

    r = run("media edit 1 --valid-until 01/01/2020 --valid-from 01/01/2019 --title 'Tin cũ'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(run("media list").output.find("Tin cũ  (hiệu lực 01/01/2019 – 01/01/2020)  [HẾT HẠN]"),
              std::string::npos);
    EXPECT_EQ(run("media list --valid-on 15/06/2026").output.find("#1"), std::string::npos);

    r = run("media retire 1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(run("media list").output.find("#1"), std::string::npos);
    EXPECT_NE(run("media list --all").output.find("[ĐÃ NGỪNG DÙNG]"), std::string::npos);
    EXPECT_EQ(media_files(), 1u) << "retiring keeps the file";
}

TEST_F(MediaCli, BadFilesAreRejectedAndTheGoodOnesStillImported) {
    std::ofstream(dir / "rác.mp3") << "không phải âm thanh";
    std::ofstream(dir / "rỗng.wav").close();
    lp::test::make_audio(dir / "tốt.ogg", 1.0);
    const auto r =
        run("media add " + shell_quote((dir / "rác.mp3").string()) + " " + shell_quote((dir / "rỗng.wav").string()) +
            " " + shell_quote((dir / "tốt.ogg").string()) + " " + shell_quote((dir / "thiếu.mp3").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("rác.mp3\" không phải tệp âm thanh"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("rỗng.wav\" rỗng (0 byte)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Không đọc được tệp \"" + (dir / "thiếu.mp3").string() + "\" (No such file or directory)"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("Đã nhập #1 \"tốt\""), std::string::npos) << r.output;
    EXPECT_EQ(media_files(), 1u);
}

TEST_F(MediaCli, CorruptFileNamesTheOffset) {
    lp::test::make_audio(dir / "hỏng.mp3", 20.0);
    {
        std::fstream f(dir / "hỏng.mp3", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(dir / "hỏng.mp3") / 2));
        for (int i = 0; i < 4000; ++i) f.put(static_cast<char>((i * 37) & 0xff));
    }
    const auto r = run("media add " + shell_quote((dir / "hỏng.mp3").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("bị hỏng: giải mã thất bại ở giây "), std::string::npos) << r.output;
    EXPECT_EQ(media_files(), 0u);
}

TEST_F(MediaCli, BadOptionsNameTheOptionAndTouchNothing) {
    lp::test::make_audio(dir / "a.mp3", 1.0);
    const auto a = shell_quote((dir / "a.mp3").string());
    auto r = run("media add " + a + " --topic z");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("--topic: không có mã nội dung \"z\""), std::string::npos) << r.output;
    r = run("media add " + a + " --form radio");
    EXPECT_NE(r.output.find("--form: không có hình thức \"radio\""), std::string::npos) << r.output;
    r = run("media add " + a + " --valid-from 31/02/2026");
    EXPECT_NE(r.output.find("--valid-from: ngày không hợp lệ \"31/02/2026\""), std::string::npos) << r.output;
    r = run("media add " + a + " --valid-from 02/03/2026 --valid-until 01/03/2026");
    EXPECT_NE(r.output.find("--valid-until (01/03/2026) đứng trước --valid-from (02/03/2026)"), std::string::npos)
        << r.output;
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(media_files(), 0u);
    r = run("media show 42");
    EXPECT_EQ(r.exit_code, 2);
}

TEST_F(MediaCli, TopicsAndFormsWithVietnameseLabels) {
    auto r = run("media topics");
    EXPECT_NE(r.output.find("dd\tCCHC với môi trường đầu tư kinh doanh"), std::string::npos) << r.output;
    r = run("media forms");
    EXPECT_NE(r.output.find("phong_su\tPhóng sự"), std::string::npos) << r.output;
}

TEST_F(MediaCli, SayMakesASpokenItemAndKeepsTheText) {
    const std::string text = "Thông báo: sáng thứ Hai, Ủy ban nhân dân phường tiếp công dân.";
    auto r = run("media say --text " + shell_quote(text) + " --title 'Lịch tiếp công dân' --topic h");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = run("media show 1");
    EXPECT_NE(r.output.find("Văn bản đọc: " + text), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Hình thức: thong_bao"), std::string::npos) << r.output;
    EXPECT_EQ(media_files(), 1u) << "only the managed copy; espeak-ng's scratch is gone";
}

}  // namespace
