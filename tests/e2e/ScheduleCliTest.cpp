// The operator's schedule commands on the real `loaphuong` binary: edits, the preview with its
// reasons and warnings, and every kind of bad input answered in Vietnamese with exit 2.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

class ScheduleCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(dir / "media");
        std::ofstream(dir / "lp.toml") << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                                          "[[output]]\nname = \"loa\"\nkind = \"null\"\n";
        for (int i = 1; i <= 3; ++i) {
            const auto f = dir / ("tin" + std::to_string(i) + ".wav");
            lp::test::make_audio(f, 2.0 + i,
                                 {.frequency = 300.0 * i, .sample_rate = 48000, .channels = 1, .extra_args = ""});
            ASSERT_EQ(run("media add " + shell_quote(f.string()) + " --title 'Tin cải cách số " + std::to_string(i) +
                          "' --topic " + (i == 3 ? "m" : "a") + " --form tin")
                          .exit_code,
                      0);
        }
    }
    lp::test::CommandResult run(const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote((dir / "lp.toml").string()) + " " +
                                     args);
    }
    lp::test::TempDir dir;
};

TEST_F(ScheduleCli, PreviewShowsPicksWithReasonsAndWarnsAboutConflicts) {
    ASSERT_EQ(run("approve 1 --by 'Nguyễn Văn Duyệt'").exit_code, 0);
    ASSERT_EQ(run("approve 3 --by 'Nguyễn Văn Duyệt'").exit_code, 0);
    auto r = run("slot set 'Sáng' --start 05:30 --days t2,t4,t6 --length 10m --pool 2:a,m --skip 02/12/2026");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã lưu khung giờ \"Sáng\""), std::string::npos) << r.output;
    ASSERT_EQ(run("slot set 'Chen ngang' --start 05:35 --length 5m --item 2").exit_code, 0);
    r = run("schedule show --week 30/11/2026");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // Monday 30/11 and Friday 04/12 air; Wednesday 02/12 is skipped as a holiday.
    EXPECT_NE(r.output.find("== Ngày 30/11/2026 =="), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("05:30:00  Sáng", r.output.find("== Ngày 02/12/2026 ==")),
              r.output.find("05:30:00  Sáng", r.output.find("== Ngày 04/12/2026 ==")))
        << r.output;
    EXPECT_NE(r.output.find("Tin cải cách số 1 [Tin] — chọn từ kho: 0 lượt trong 30 ngày qua, chưa phát lần nào"),
              std::string::npos)
        << r.output;
    // On Friday the rotation remembers Monday's picks.
    EXPECT_NE(r.output.find("1 lượt trong 30 ngày qua, lần cuối 30/11/2026"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("bỏ qua: \"Tin cải cách số 2\" chưa được duyệt"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"Sáng\" và \"Chen ngang\" chồng lên nhau"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("dài 10 phút nhưng chỉ có 00:00:08 nội dung"), std::string::npos) << r.output;

    const auto csv = dir / "lich.csv";
    r = run("schedule show --month 15/12/2026 --format csv -o " + shell_quote(csv.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::ifstream in(csv, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(text.find("04/12/2026,05:30:00,Sáng,Tin cải cách số"), std::string::npos) << text.substr(0, 400);
    EXPECT_EQ(text.find("30/11/2026"), std::string::npos);  // the month only

    // The published schedule as XLSX: the strings are in the workbook's shared strings.
    const auto xlsx = dir / "lich.xlsx";
    r = run("schedule show --month 15/12/2026 --format xlsx -o " + shell_quote(xlsx.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto strings = lp::test::run_command("unzip -p " + shell_quote(xlsx.string()) + " xl/sharedStrings.xml");
    ASSERT_EQ(strings.exit_code, 0) << strings.output;
    EXPECT_NE(strings.output.find("LỊCH PHÁT SÓNG CHƯƠNG TRÌNH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH"), std::string::npos);
    EXPECT_NE(strings.output.find("Từ ngày 01/12/2026 đến ngày 31/12/2026"), std::string::npos) << strings.output;
    EXPECT_NE(strings.output.find("Tin cải cách số 1"), std::string::npos);
    EXPECT_NE(strings.output.find("TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG"), std::string::npos);
    EXPECT_EQ(run("schedule show --format xlsx").exit_code, 2);
}

TEST_F(ScheduleCli, PoolsSelectByTag) {
    for (const char* id : {"1", "2", "3"})
        ASSERT_EQ(run(std::string("approve ") + id + " --by 'Lê Duyệt'").exit_code, 0);
    auto r = run("tag 2 --add tet,bao-lu");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_EQ(run("slot set 'Tết' --start 05:30 --pool 3:::tet").exit_code, 0);
    r = run("schedule show --date 30/11/2026");
    EXPECT_NE(r.output.find("Tin cải cách số 2"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Tin cải cách số 1"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("1/3 tin"), std::string::npos) << r.output;  // the pool is short, and says so
    ASSERT_EQ(run("tag 2 --remove tet").exit_code, 0);
    EXPECT_EQ(run("schedule show --date 30/11/2026").output.find("Tin cải cách số 2"), std::string::npos);
    r = run("tag 99 --add tet");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("Không có tin, bài số 99"), std::string::npos) << r.output;
}

TEST_F(ScheduleCli, OneOffsAreListedAndCancelled) {
    auto r = run("oneoff add --item 1 --at '01/12/2026 09:15' --priority uu-tien --repeat 3 --gap 30m --by 'Chủ tịch'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("chưa được duyệt"), std::string::npos) << r.output;  // warned, still recorded
    r = run("oneoff list");
    EXPECT_NE(r.output.find("1. 01/12/2026 09:15:00  Ưu tiên  Tin cải cách số 1  × 3"), std::string::npos) << r.output;
    ASSERT_EQ(run("oneoff cancel 1").exit_code, 0);
    EXPECT_NE(run("oneoff list").output.find("Không có lịch phát đột xuất nào"), std::string::npos);
    r = run("oneoff cancel 1");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("Không có lịch phát đột xuất số 1 (hoặc đã huỷ)"), std::string::npos) << r.output;
}

TEST_F(ScheduleCli, BadInputIsNamedAndNothingIsSaved) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"slot set X --start 25:00 --item 1", "Giờ không hợp lệ ở --start: \"25:00\""},
        {"slot set X --start 05:30 --days t2,t9 --item 1", "Ngày trong tuần không hợp lệ ở --days: \"t9\""},
        {"slot set X --start 05:30 --length 0m --item 1", "Thời lượng không hợp lệ ở --length: \"0m\""},
        {"slot set X --start 05:30 --item 42", "--item 42: không có tin, bài số này"},
        {"slot set X --start 05:30 --outputs loa,loa-xa --item 1", "Không có đầu ra tên \"loa-xa\""},
        {"slot set X --start 05:30 --pool 3:z", "không có nội dung mã \"z\""},
        {"slot set X --start 05:30 --pool 0", "số tin phải là số từ 1 đến 50"},
        {"slot set X --start 05:30", "cần ít nhất một --item hoặc --pool"},
        {"slot set X --start 05:30 --from 10/12/2026 --until 01/12/2026 --item 1", "đứng trước ngày --from"},
        {"slot remove 'Không có'", "Không có khung giờ tên \"Không có\""},
        {"oneoff add --item 1 --at 'mai' --by A", "Thời điểm --at không hợp lệ: \"mai\""},
        {"oneoff add --item 1 --at now --priority gap --by A", "Mức ưu tiên không hợp lệ: \"gap\""},
        {"oneoff add --item 1 --at now --repeat 0 --by A", "--repeat phải từ 1 đến 100"},
        {"approve 77 --by A", "Không có tin, bài số 77"},
        {"schedule show --date 31/02/2026", "Ngày --date không hợp lệ: \"31/02/2026\""},
        {"schedule show --date 01/12/2026 --week 01/12/2026", "Chỉ chọn một trong --date, --week, --month"},
    };
    for (const auto& [args, message] : cases) {
        const auto r = run(args);
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
        EXPECT_NE(r.output.find(message), std::string::npos) << args << "\n" << r.output;
    }
    const auto list = run("slot list");
    EXPECT_NE(list.output.find("Chưa có khung giờ nào"), std::string::npos) << list.output;
}

}  // namespace
