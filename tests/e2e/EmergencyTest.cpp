// An emergency one-off entered with the real CLI preempts the slot the real daemon is airing:
// the cut item is journaled interrupted (naming what cut it), the announcement airs within a
// second, and the programme resumes with the cut item again from its start, then the next.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/Slowdown.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

TEST(Emergency, OneOffFromTheCliCutsTheSlotAndTheProgrammeResumes) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "dai.flac", 4.0,
                         {.frequency = 500, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "tiep.wav", 1.0,
                         {.frequency = 700, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "khan.wav", 1.0,
                         {.frequency = 1000, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::AlsaTap tap;
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config)
        << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
           "[[output]]\nname = \"loa\"\nkind = \"alsa\"\ndevice = \"tap\"\n"
           "[[output]]\nname = \"luu-tru\"\nkind = \"archive\"\npath = \"archive\"\n"
           "[[slot]]\nname = \"Bản tin\"\nstart = \"+1s\"\n"
           "[[slot.item]]\nfile = \"dai.flac\"\ntitle = \"Bài dài\"\n"
           "[[slot.item]]\nfile = \"tiep.wav\"\ntitle = \"Tin tiếp theo\"\n"
           "[[slot]]\nname = \"Dự phòng\"\nstart = \"+3600s\"\n"
           "[[slot.item]]\nfile = \"khan.wav\"\ntitle = \"Thông báo khẩn cấp\"\nform = \"thong_bao\"\n";

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) started", 20s)) << daemon.log();
    std::int64_t emergency_item = 0;
    {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare("SELECT id FROM media_item WHERE title = 'Thông báo khẩn cấp'");
        ASSERT_TRUE(st.step());
        emergency_item = st.integer(0);
    }
    const auto asked = std::chrono::system_clock::now();
    const auto cli = lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " oneoff add --item " +
                                           std::to_string(emergency_item) +
                                           " --at now --priority khan-cap --by 'Chủ tịch UBND phường'");
    ASSERT_EQ(cli.exit_code, 0) << cli.output;
    EXPECT_NE(cli.output.find("Khẩn cấp"), std::string::npos) << cli.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin tiếp theo\" completed", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    lp::sqlite::Database db(dir / "var" / "lp.db");
    auto st = db.prepare(
        "SELECT title, slot, status, played_ms, started_at, coalesce(reason, ''), start_lateness_us IS NOT NULL "
        "FROM journal ORDER BY id");
    std::vector<std::tuple<std::string, std::string, std::string, long long, std::string>> rows;
    std::vector<std::string> reasons;
    std::vector<bool> has_lateness;
    while (st.step()) {
        rows.emplace_back(st.text(0), st.text(1), st.text(2), st.integer(3), st.text(4));
        reasons.push_back(st.text(5));
        has_lateness.push_back(st.integer(6) != 0);
    }
    ASSERT_EQ(rows.size(), 4u) << daemon.log();
    EXPECT_EQ(std::get<0>(rows[0]), "Bài dài");
    EXPECT_EQ(std::get<2>(rows[0]), "interrupted");
    EXPECT_LT(std::get<3>(rows[0]), 4000);
    EXPECT_TRUE(reasons[0].starts_with("Bị cắt bởi phát khẩn cấp số ")) << reasons[0];
    EXPECT_NE(reasons[0].find("(\"Thông báo khẩn cấp\")"), std::string::npos) << reasons[0];
    EXPECT_TRUE(has_lateness[0]);
    EXPECT_EQ(std::get<0>(rows[1]), "Thông báo khẩn cấp");
    EXPECT_EQ(std::get<1>(rows[1]), "Phát khẩn cấp");
    EXPECT_EQ(std::get<2>(rows[1]), "completed");
    // Preempted within a second of the operator's command (which includes the CLI's own run;
    // three under sanitizers, where the CLI alone took 2 s on a loaded machine).
    EXPECT_LT(lp::domain::from_utc_text(std::get<4>(rows[1])) - asked, lp::test::slack(1s));
    // The cut item again, whole; a resumption is not a scheduled start, so it carries no
    // lateness (it used to be "late" by the announcement's length).
    EXPECT_EQ(std::get<0>(rows[2]), "Bài dài");
    EXPECT_EQ(std::get<1>(rows[2]), "Bản tin");
    EXPECT_EQ(std::get<2>(rows[2]), "completed");
    EXPECT_NEAR(static_cast<double>(std::get<3>(rows[2])), 4000, 60);
    EXPECT_FALSE(has_lateness[2]);
    EXPECT_EQ(std::get<0>(rows[3]), "Tin tiếp theo");
    EXPECT_EQ(std::get<1>(rows[3]), "Bản tin");
    EXPECT_EQ(std::get<2>(rows[3]), "completed");

    // What went out, from the day's archive: 500 Hz (cut), then 1000 Hz, 500 Hz again, then 700 Hz.
    std::filesystem::path archive;
    for (const auto& f : std::filesystem::directory_iterator(dir / "archive")) archive = f.path();
    ASSERT_FALSE(archive.empty());
    const auto pcm = lp::test::decode_with_ffmpeg(archive, 48000, 2);
    ASSERT_GT(pcm.size(), 2u * 48000 * 2) << daemon.log();
    const std::span<const short> all(pcm);
    const auto tail = all.subspan(pcm.size() - 2 * 48000 * 2);  // the last two seconds
    EXPECT_NEAR(lp::test::dominant_frequency(tail.subspan(2 * 4800, 2 * 38400), 48000, 2), 500.0, 20.0);
    EXPECT_NEAR(lp::test::dominant_frequency(tail.subspan(2 * 52800, 2 * 38400), 48000, 2), 700.0, 20.0);
}

}  // namespace
