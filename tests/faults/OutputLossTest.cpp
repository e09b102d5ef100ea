// An output lost and back while it airs: a file output whose target turns into a full disk
// (a symlink to /dev/full: every write fails with ENOSPC, which holds as root too) and back
// into a writable file. The loudspeakers (ALSA capture) keep playing without a gap, the
// dead-air alarm raises for that output (error log, `loaphuong status` exit 1) and clears by
// itself when it is back, and the journal row names the outputs that carried the item.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <thread>

#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;
namespace fs = std::filesystem;

// Points `link` at `target` in one rename (the daemon never sees it missing).
void repoint(const fs::path& link, const fs::path& target) {
    const fs::path fresh = link.string() + ".new";
    fs::remove(fresh);
    fs::create_symlink(target, fresh);
    fs::rename(fresh, link);
}

TEST(OutputLoss, AFullTargetRaisesTheDeadAirAlarmTheOthersPlayOnAndItClearsWhenTheOutputIsBack) {
    lp::test::TempDir dir;
    fs::create_directories(dir / "media");
    fs::create_directories(dir / "out");
    lp::test::make_audio(dir / "media" / "dai.wav", 40.0,
                         {.frequency = 587, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    repoint(dir / "out" / "ghi.wav", "/dev/full");
    lp::test::AlsaTap tap;
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[audio]\nloudness_target = \"off\"\n"
                             "[alarm]\ndead_air = \"3s\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"alsa\"\ndevice = \"tap\"\n"
                             "[[output]]\nname = \"ghi\"\nkind = \"file\"\npath = \"out/ghi.wav\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+2s\"\n"
                             "[[slot.item]]\nfile = \"dai.wav\"\ntitle = \"Tin dài\"\n";
    const auto status = [&] {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " status");
    };
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin dài\" (Bản tin) started", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("dead air on output 'ghi': failing for 3 s", 15s)) << daemon.log();
    EXPECT_EQ(daemon.log().find("dead air on output 'loa'"), std::string::npos) << daemon.log();
    // The operator sees it (the status file follows within a tick).
    lp::test::CommandResult cli;
    for (const auto deadline = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(200ms)) {
        cli = status();
        if (cli.output.find("CẢNH BÁO MẤT TIẾNG") != std::string::npos) break;
    }
    EXPECT_EQ(cli.exit_code, 1) << cli.output;
    EXPECT_NE(cli.output.find("đầu ra ghi: đầu ra lỗi"), std::string::npos) << cli.output;
    EXPECT_NE(cli.output.find("loa: đang phát"), std::string::npos) << cli.output;

    // The disk has room again: the output comes back at its next retry, the alarm clears.
    repoint(dir / "out" / "ghi.wav", dir / "out" / "ghi-real.wav");
    ASSERT_TRUE(daemon.wait_for_log("output 'ghi' is back", 25s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("dead air on output 'ghi' cleared: sound is back", 10s)) << daemon.log();
    for (const auto deadline = std::chrono::steady_clock::now() + 5s; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(200ms)) {
        cli = status();
        if (cli.exit_code == 0) break;
    }
    EXPECT_EQ(cli.exit_code, 0) << cli.output;
    EXPECT_NE(cli.output.find("ghi: đang phát"), std::string::npos) << cli.output;

    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin dài\" completed", 40s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
    // The status file goes with a clean stop: the CLI says the daemon is not running.
    EXPECT_EQ(status().exit_code, 3);

    // The loudspeakers never noticed.
    const auto pcm = tap.samples();
    EXPECT_NEAR(static_cast<double>(pcm.size()) / (2.0 * 48000.0), 40.0, 0.3);
    EXPECT_LT(lp::test::longest_silence(pcm, 48000, 2), 50ms);
    // The journal: completed, carried by both (ghi for part of it), as the log says.
    const auto db_file = dir / "var" / "lp.db";
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'completed'"), 1);
    EXPECT_EQ(lp::test::scalar(db_file,
                               "SELECT count(*) FROM journal WHERE outputs LIKE '%loa%' AND outputs LIKE "
                               "'%ghi%'"),
              1);
    // The file output wrote the rest of the item once it was back.
    EXPECT_GT(fs::file_size(dir / "out" / "ghi-real.wav"), 48000u * 2 * 2);
}

}  // namespace
