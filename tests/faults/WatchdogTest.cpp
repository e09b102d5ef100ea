// systemd's watchdog, with a Unix datagram socket standing in for NOTIFY_SOCKET and
// WATCHDOG_USEC set in the real daemon's environment: READY=1, then WATCHDOG=1 while both the
// loop and the player thread live; a stalled player thread or a stalled loop (test-only hooks
// of loaphuongd-test, built with LOAPHUONG_TEST_HOOKS and never installed) stops the pings, so that systemd restarts
// the service. STATUS= carries what plays and the next slot; `loaphuong status` says the same.

#include <gtest/gtest.h>

#include <signal.h>
#include <stdlib.h>

#include <fstream>
#include <iostream>
#include <thread>

#include "tests/e2e/Daemon.hpp"
#include "tests/faults/NotifySocket.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/ScopedEnv.hpp"
#include "tests/support/Slowdown.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::NotifySocket;
using lp::test::shell_quote;
using Steady = std::chrono::steady_clock;

constexpr auto watchdog = 4s;  // WATCHDOG_USEC

struct WatchdogRig {
    lp::test::TempDir dir;
    std::filesystem::path config = dir / "lp.toml";
    std::unique_ptr<NotifySocket> notify;

    WatchdogRig() {
        std::filesystem::create_directories(dir / "media");
        lp::test::make_audio(dir / "media" / "tin.wav", 40.0,
                             {.frequency = 523, .sample_rate = 48000, .channels = 2, .extra_args = ""});
        std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                                 "[audio]\nloudness_target = \"off\"\n"
                                 "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                                 "[[slot]]\nname = \"Bản tin\"\nstart = \"+2s\"\n"
                                 "[[slot.item]]\nfile = \"tin.wav\"\ntitle = \"Tin trưa\"\n"
                                 "[[slot]]\nname = \"Bản tin sáng\"\nstart = \"05:30\"\n"
                                 "[[slot.item]]\nfile = \"tin.wav\"\ntitle = \"Tin sáng\"\n";
        notify = std::make_unique<NotifySocket>(dir / "notify.sock");
    }

    // The daemon with the socket, WATCHDOG_USEC and one test hook (`hook`=`value`) in its environment.
    std::unique_ptr<lp::test::DaemonProcess> start(const char* hook, const std::string& value) const {
        lp::test::ScopedEnv socket("NOTIFY_SOCKET", notify->path().string());
        lp::test::ScopedEnv usec("WATCHDOG_USEC", std::to_string(std::chrono::microseconds(watchdog).count()));
        lp::test::ScopedEnv stall(hook, value);
        return std::make_unique<lp::test::DaemonProcess>(LP_DAEMON_HOOKS,
                                                         std::vector<std::string>{"--config", config.string()});
    }

    lp::test::CommandResult status() const {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " status");
    }
};

double seconds(Steady::duration d) { return std::chrono::duration<double>(d).count(); }

// The pings' largest gap while all was well, and the last one.
void expect_regular_pings(const std::vector<Steady::time_point>& pings, Steady::time_point until) {
    ASSERT_GE(pings.size(), 3u);
    Steady::duration widest{};
    for (std::size_t i = 1; i < pings.size() && pings[i] <= until; ++i)
        widest = std::max(widest, pings[i] - pings[i - 1]);
    EXPECT_LE(widest, watchdog / 2 + 600ms) << "widest gap between pings " << seconds(widest) << " s";
}

TEST(Watchdog, PingsWhileAliveAndStopsWhenThePlayerThreadStalls) {
    WatchdogRig s;
    const auto started = Steady::now();
    const auto daemon = s.start("LOAPHUONG_TEST_STALL_PLAYER_AFTER", "9");
    ASSERT_TRUE(s.notify->wait_for("READY=1", lp::test::slack(20s))) << daemon->log();
    ASSERT_TRUE(daemon->wait_for_log("airing \"Tin trưa\" (Bản tin) started", 20s)) << daemon->log();
    // STATUS=: what plays and what comes next (the journal's state kept at the end).
    const auto status = s.notify->wait_for("Đang phát: Bản tin — Tin trưa · Tiếp theo: 05:30 Bản tin sáng", 5s);
    ASSERT_TRUE(status) << [&] {
        std::string all;
        for (const auto& m : s.notify->messages()) all += m.text + "\n";
        return all;
    }();
    EXPECT_NE(status->text.find("journal up to date"), std::string::npos) << status->text;
    // The operator's view, from the status file the daemon keeps (refreshed each second on change).
    lp::test::CommandResult cli;
    for (const auto deadline = Steady::now() + 5s; Steady::now() < deadline; std::this_thread::sleep_for(200ms)) {
        cli = s.status();
        if (cli.output.find("Đang phát: Bản tin — Tin trưa") != std::string::npos) break;
    }
    EXPECT_EQ(cli.exit_code, 0) << cli.output;
    EXPECT_NE(cli.output.find("Đang phát: Bản tin — Tin trưa"), std::string::npos) << cli.output;
    EXPECT_NE(cli.output.find("Tiếp theo: 05:30"), std::string::npos) << cli.output;
    EXPECT_NE(cli.output.find("loa: đang phát"), std::string::npos) << cli.output;

    // The player thread stalls mid-airing (the hook logs when it does).
    ASSERT_TRUE(daemon->wait_for_log("the player thread stalls for good", 20s)) << daemon->log();
    const auto stalled = Steady::now();
    ASSERT_TRUE(daemon->wait_for_log("not pinging the watchdog", 2 * watchdog)) << daemon->log();
    // Nothing more for a whole interval and a half: systemd would have restarted it.
    EXPECT_FALSE(s.notify->wait_for("WATCHDOG=1", 6s, Steady::now()));
    const auto pings = s.notify->times_of("WATCHDOG=1");
    expect_regular_pings(pings, stalled);
    const auto last = pings.back();
    std::cout << "[watchdog] WATCHDOG_USEC " << seconds(watchdog) << " s: " << pings.size() << " pings in "
              << seconds(stalled - started) << " s; player stalled -> last ping " << seconds(last - stalled)
              << " s; systemd restarts at last ping + " << seconds(watchdog)
              << " s = " << seconds(last - stalled + watchdog) << " s after the stall\n";
    EXPECT_LT(last - stalled, watchdog);
}

TEST(Watchdog, StopsWhenTheLoopStallsAndTheCliThenSaysTheDaemonIsNotRunning) {
    WatchdogRig s;
    const auto daemon = s.start("LOAPHUONG_TEST_STALL_LOOP_AFTER", "7");
    ASSERT_TRUE(s.notify->wait_for("READY=1", lp::test::slack(20s))) << daemon->log();
    ASSERT_TRUE(daemon->wait_for_log("the loop stalls for good", 20s)) << daemon->log();
    const auto stalled = Steady::now();
    EXPECT_FALSE(s.notify->wait_for("WATCHDOG=1", 6s, stalled + 100ms));
    const auto pings = s.notify->times_of("WATCHDOG=1");
    expect_regular_pings(pings, stalled);
    std::cout << "[watchdog] loop stalled -> last ping " << seconds(pings.back() - stalled) << " s (negative: before "
              << "the hook's log line was read)\n";
    EXPECT_LT(pings.back() - stalled, 200ms);  // nothing after the loop stopped, by construction

    // Killed (as systemd would): the status file it left is stale, `loaphuong status` says so.
    daemon->signal(SIGKILL);
    daemon->wait_exit(10s);
    const auto cli = s.status();
    EXPECT_EQ(cli.exit_code, 3) << cli.output;
    EXPECT_NE(cli.output.find("loaphuongd không chạy"), std::string::npos) << cli.output;
}

}  // namespace
