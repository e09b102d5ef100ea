// Clock jumps through the daemon's real wall-clock wake-up path: its WallClockTimer is a
// timerfd armed with TFD_TIMER_CANCEL_ON_SET, which only the kernel fires, when CLOCK_REALTIME
// is set. No time namespace virtualises CLOCK_REALTIME, so this test really sets the
// machine's clock (forward 60 s past a slot, then back), and only when allowed:
// LOAPHUONG_TEST_MAY_SET_CLOCK=1 on a disposable machine or container with CAP_SYS_TIME
// (never on a shared one: every program on it sees the jump). Otherwise it is reported
// skipped. The scheduler's own jump logic is tested in virtual time (scheduler Simulator).

#include <gtest/gtest.h>

#include <signal.h>
#include <time.h>

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;

// Moves CLOCK_REALTIME by `by`; false (with errno) when not permitted.
bool shift_clock(std::chrono::nanoseconds by) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    const auto total = std::chrono::seconds{now.tv_sec} + std::chrono::nanoseconds{now.tv_nsec} + by;
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(total);
    const timespec to{static_cast<time_t>(s.count()), static_cast<long>((total - s).count())};
    return clock_settime(CLOCK_REALTIME, &to) == 0;
}

// Undoes what it shifted, whatever the test does.
class ClockShift {
public:
    ~ClockShift() {
        if (shifted_.count() != 0) shift_clock(-shifted_);
    }
    bool shift(std::chrono::nanoseconds by) {
        if (!shift_clock(by)) return false;
        shifted_ += by;
        return true;
    }

private:
    std::chrono::nanoseconds shifted_{0};
};

TEST(ClockJump, ForwardPastASlotAirsItLateOnceAndBackDoesNotAirItAgain) {
    const char* allowed = std::getenv("LOAPHUONG_TEST_MAY_SET_CLOCK");
    if (!allowed || std::string(allowed) != "1")
        GTEST_SKIP() << "sets the machine's clock: set LOAPHUONG_TEST_MAY_SET_CLOCK=1 on a disposable machine";
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "gio.wav", 3.0,
                         {.frequency = 311, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[audio]\nloudness_target = \"off\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Giờ\"\nstart = \""
                          << lp::test::local_clock_in(40s)
                          << "\"\n[[slot.item]]\nfile = \"gio.wav\"\ntitle = \"Tin giờ\"\n";
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    ClockShift clock;
    // Forward: the slot's instant is 20 s behind the new time, within the grace period. The
    // timerfd is cancelled by the kernel; the daemon re-plans and airs it, late, at once.
    ASSERT_TRUE(clock.shift(60s)) << "clock_settime: " << std::strerror(errno);
    ASSERT_TRUE(daemon.wait_for_log("the wall clock was set", 5s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin giờ\" completed", 20s)) << daemon.log();
    // Back: the slot's instant is ahead again, but it aired: it is not aired twice.
    ASSERT_TRUE(clock.shift(-60s)) << "clock_settime: " << std::strerror(errno);
    ASSERT_TRUE(daemon.wait_for_log("the wall clock was set", 5s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
    EXPECT_EQ(lp::test::scalar(dir / "var" / "lp.db", "SELECT count(*) FROM journal"), 1) << daemon.log();
    EXPECT_EQ(lp::test::scalar(dir / "var" / "lp.db", "SELECT count(*) FROM journal WHERE status = 'completed'"), 1);
}

}  // namespace
