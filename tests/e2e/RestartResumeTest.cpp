// Point 2: killed during a programme and back within the grace period, the daemon airs again
// what the kill cut (from its start) and what had not started, an emergency first; the rows
// say it was a resumption after a restart.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <functional>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

struct ResumeRow {
    std::string title, status, reason;
};

std::vector<ResumeRow> rows(const std::filesystem::path& db_file) {
    lp::sqlite::Database db(db_file);
    auto st = db.prepare("SELECT title, status, coalesce(reason, '') FROM journal ORDER BY id");
    std::vector<ResumeRow> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

class RestartResume : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path config = dir / "lp.toml";
    std::filesystem::path db_file = dir / "var" / "lp.db";

    void SetUp() override {
        std::filesystem::create_directories(dir / "media");
        // Distinct sounds: the library keeps one item per content.
        double frequency = 400;
        for (const char* name : {"mot.wav", "hai.wav", "ba.wav"})
            lp::test::make_audio(
                dir / "media" / name, 2.0,
                {.frequency = frequency += 100, .sample_rate = 48000, .channels = 2, .extra_args = ""});
        lp::test::make_audio(dir / "media" / "khan.wav", 1.0,
                             {.frequency = 1000, .sample_rate = 48000, .channels = 2, .extra_args = ""});
        write_config("");
    }
    // The programme: three 2 s items, 3 s from now; `daemon_keys`: more [daemon] settings.
    void write_config(const std::string& daemon_keys) {
        std::ofstream(config, std::ios::trunc)
            << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
            << daemon_keys << "[http]\nenabled = false\n"
            << "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
               "[[slot]]\nname = \"Bản tin\"\nstart = \""
            << lp::test::local_clock_in(3s)
            << "\"\n"
               "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
               "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Bài hai\"\n"
               "[[slot.item]]\nfile = \"ba.wav\"\ntitle = \"Thông báo ba\"\n"
               "[[slot]]\nname = \"Dự phòng\"\nstart = \"+3600s\"\n"
               "[[slot.item]]\nfile = \"khan.wav\"\ntitle = \"Thông báo khẩn cấp\"\n";
    }
    // A crash or power cut once the log says `line` (after `first`, if given); `frozen`: how
    // long the daemon hangs before it dies (a deadline on a line that never comes).
    void crash_when(const std::string& line, std::chrono::milliseconds frozen = 0ms,
                    const std::function<void(lp::test::DaemonProcess&)>& first = {}) {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        if (first) first(daemon);
        if (HasFatalFailure()) return;
        ASSERT_TRUE(daemon.wait_for_log(line, 20s)) << daemon.log();
        if (frozen > 0ms) {
            daemon.signal(SIGSTOP);
            daemon.wait_for_log("<no such line>", frozen);
        }
        daemon.signal(SIGKILL);
        daemon.wait_exit(10s);
    }
    // The restart: runs until the log says `line`, then stops cleanly. Returns the log.
    std::string restart_until(const std::string& line) {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        EXPECT_TRUE(daemon.wait_for_log(line, 20s)) << daemon.log();
        daemon.signal(SIGTERM);
        EXPECT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
        return daemon.log();
    }
    void verify_chain() {
        EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM pending_airing"), 0);
        const auto verify =
            lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " journal verify");
        EXPECT_EQ(verify.exit_code, 0) << verify.output;
    }
};

TEST_F(RestartResume, TheCutItemAndTheRestAirAfterARestartWithinTheGracePeriod) {
    // A crash or power cut in the middle of the second item.
    ASSERT_NO_FATAL_FAILURE(crash_when("airing \"Bài hai\" (Bản tin) started"));
    restart_until("airing \"Thông báo ba\" completed");

    const auto all = rows(db_file);
    std::string listing;
    for (const auto& r : all) listing += r.title + " | " + r.status + " | " + r.reason + "\n";
    ASSERT_EQ(all.size(), 4u) << listing;
    EXPECT_EQ(all[0].title, "Tin một");
    EXPECT_EQ(all[0].status, "completed");
    EXPECT_EQ(all[1].title, "Bài hai");
    EXPECT_EQ(all[1].status, "interrupted");
    EXPECT_EQ(all[2].title, "Bài hai");  // again, from its start
    EXPECT_EQ(all[2].status, "completed");
    EXPECT_TRUE(all[2].reason.starts_with("Phát tiếp sau khi dịch vụ khởi động lại lúc ")) << all[2].reason;
    EXPECT_EQ(all[3].title, "Thông báo ba");
    EXPECT_EQ(all[3].status, "completed");
    EXPECT_EQ(lp::test::scalar(db_file,
                               "SELECT count(*) FROM journal WHERE title = 'Bài hai' AND status = 'completed' "
                               "AND played_ms BETWEEN 1950 AND 2050"),
              1);
    verify_chain();
}

TEST_F(RestartResume, AnEmergencyKilledMidAirIsHeardAgainFirst) {
    const auto order_emergency = [&](lp::test::DaemonProcess& daemon) {
        ASSERT_TRUE(daemon.wait_for_log("airing \"Tin một\" (Bản tin) started", 20s)) << daemon.log();
        const auto id = lp::test::scalar(db_file, "SELECT id FROM media_item WHERE title = 'Thông báo khẩn cấp'");
        const auto cli =
            lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " oneoff add --item " +
                                  std::to_string(id) + " --at now --priority khan-cap --by 'Chủ tịch UBND phường'");
        ASSERT_EQ(cli.exit_code, 0) << cli.output;
    };
    ASSERT_NO_FATAL_FAILURE(crash_when("airing \"Thông báo khẩn cấp\" (Phát khẩn cấp) started", 0ms, order_emergency));
    const auto log = restart_until("airing \"Thông báo ba\" completed");

    const auto all = rows(db_file);
    ASSERT_EQ(all.size(), 6u) << log;
    EXPECT_EQ(all[0].title, "Tin một");
    EXPECT_EQ(all[0].status, "interrupted");  // cut by the emergency
    EXPECT_EQ(all[1].title, "Thông báo khẩn cấp");
    EXPECT_EQ(all[1].status, "interrupted");        // cut by the kill
    EXPECT_EQ(all[2].title, "Thông báo khẩn cấp");  // heard again first after the restart
    EXPECT_EQ(all[2].status, "completed");
    EXPECT_EQ(all[3].title, "Tin một");
    EXPECT_EQ(all[3].status, "completed");
    EXPECT_EQ(all[4].title, "Bài hai");
    EXPECT_EQ(all[5].title, "Thông báo ba");
    EXPECT_EQ(all[5].status, "completed");
    verify_chain();
}

TEST_F(RestartResume, BeyondTheGracePeriodTheRestIsJournaledMissedWithTheReason) {
    write_config("grace = \"1s\"\n");  // the same programme, with a grace period of 1 s
    // Frozen, then killed: down for longer than the grace period.
    ASSERT_NO_FATAL_FAILURE(crash_when("airing \"Bài hai\" (Bản tin) started", 2500ms));
    const auto log = restart_until("ready:");

    const auto all = rows(db_file);
    ASSERT_EQ(all.size(), 3u) << log;
    EXPECT_EQ(all[1].title, "Bài hai");
    EXPECT_EQ(all[1].status, "interrupted");
    EXPECT_EQ(all[2].title, "Thông báo ba");
    EXPECT_EQ(all[2].status, "missed");
    EXPECT_TRUE(all[2].reason.starts_with("Không phát lại: dịch vụ ngừng ")) << all[2].reason;
    EXPECT_NE(all[2].reason.find("quá 1 giây cho phép"), std::string::npos) << all[2].reason;
    verify_chain();
}

}  // namespace
