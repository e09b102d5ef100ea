// Clock jumps through the daemon's real wall-clock wake-up path: its WallClockTimer is a
// timerfd armed with TFD_TIMER_CANCEL_ON_SET, whose wait the kernel ends when CLOCK_REALTIME is
// set, and the daemon then re-plans (decides what is due at the new time, re-arms the timer).
//
// In CI: the clock source is injected. loaphuongd-test (test hooks, never installed) reads its
// wall time through domain::wall_now(), which a test shifts forward and back (the offset file
// LOAPHUONG_TEST_WALL_CLOCK, then SIGUSR1); each jump ends the timer's wait as a set clock does
// and the daemon takes the same clock-change path, with no root and the machine's clock
// untouched. The policy (README, "The scheduler"): a start passed by more than the grace period
// is journaled missed with the reason, a nearer one airs late, and nothing is decided twice —
// a jump back does not air again what aired, nor journal it again.
//
// With LOAPHUONG_TEST_MAY_SET_CLOCK=1 on a disposable machine or container with CAP_SYS_TIME
// (never on a shared one: every program on it sees the jump), a second test really sets the
// machine's clock (forward 60 s past a slot, then back), so that the kernel itself cancels the
// timer; otherwise that one is reported skipped. The scheduler's own jump logic is tested in
// virtual time (scheduler Simulator).

#include <gtest/gtest.h>

#include <signal.h>
#include <time.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/ScopedEnv.hpp"
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

// Moves loaphuongd-test's wall clock to `ahead` of the machine's and waits until the daemon
// has re-planned.
void jump(lp::test::DaemonProcess& daemon, const std::filesystem::path& offset_file, std::chrono::seconds ahead) {
    std::ofstream(offset_file) << ahead.count() << "\n";  // closed before the signal
    daemon.signal(SIGUSR1);
    ASSERT_TRUE(daemon.wait_for_log("the wall clock was set", 10s)) << daemon.log();
}

struct Row {
    std::string status, reason;
    double late_s = 0;  // started (or journaled, when it did not air) after the slot's instant
};

std::vector<Row> rows_of(const std::filesystem::path& db_file, const std::string& slot) {
    lp::sqlite::Database db(db_file);
    auto st = db.prepare(
        "SELECT status, coalesce(reason, ''), "
        "(julianday(coalesce(started_at, ended_at)) - julianday(scheduled_at)) * 86400 FROM journal WHERE slot = ? "
        "ORDER BY id");
    st.bind(1, slot);
    std::vector<Row> rows;
    while (st.step()) rows.push_back({st.text(0), st.text(1), st.real(2)});
    return rows;
}

// A [[slot]] of one item, `in` after `base`.
std::string slot_toml(std::chrono::system_clock::time_point base, const char* name, std::chrono::seconds in,
                      const char* file, const char* title) {
    return std::string("[[slot]]\nname = \"") + name + "\"\nstart = \"" + lp::test::local_clock(base + in) +
           "\"\n[[slot.item]]\nfile = \"" + file + "\"\ntitle = \"" + title + "\"\n";
}

// loaphuongd-test on these slots (the null output, loudness as it comes, no HTTP), its wall
// clock injected from `offset_file`; ready.
void start_hooked(std::optional<lp::test::DaemonProcess>& daemon, const std::filesystem::path& dir,
                  const std::string& slots) {
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[audio]\nloudness_target = \"off\"\n[http]\nenabled = false\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                          << slots;
    daemon.emplace(LP_DAEMON_HOOKS, std::vector<std::string>{"--config", config.string()});
    ASSERT_TRUE(daemon->wait_for_log("ready:", 20s)) << daemon->log();
}

TEST(ClockJump, InjectedWallClockForwardMissesOrAirsLateAsThePolicySaysAndBackDecidesNothingTwice) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    for (const auto& [name, frequency] : {std::pair{"som.wav", 440.0}, {"giua.wav", 523.0}, {"muon.wav", 659.0}})
        lp::test::make_audio(dir / "media" / name, 2.0,
                             {.frequency = frequency, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    // Three slots ahead of the machine's clock; the daemon's clock will jump past them.
    const auto base = lp::test::whole_second_in(0s);
    const auto offset_file = dir / "wall-clock-offset";
    const lp::test::ScopedEnv hook("LOAPHUONG_TEST_WALL_CLOCK", offset_file.string());
    std::optional<lp::test::DaemonProcess> hooked;
    ASSERT_NO_FATAL_FAILURE(start_hooked(hooked, dir.path(),
                                         slot_toml(base, "Sớm", 120s, "som.wav", "Tin sớm") +
                                             slot_toml(base, "Giữa", 600s, "giua.wav", "Tin giữa") +
                                             slot_toml(base, "Muộn", 690s, "muon.wav", "Tin muộn")));
    auto& daemon = *hooked;

    // Forward 10 min 10 s: "Sớm" is 8 min behind the daemon's time, beyond the 5 min grace
    // period: missed, with the reason. "Giữa" is 10 s behind: it airs late, at once.
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 610s));
    ASSERT_TRUE(daemon.wait_for_log("slot \"Sớm\" at", 5s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin giữa\" completed", 20s)) << daemon.log();
    // Back to the machine's time: both slots are ahead again, and were decided.
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 0s));
    // Forward 12 min: "Giữa" would be 2 min late, within the grace period, were it decided
    // again; "Muộn" is 30 s behind and airs late.
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 720s));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin muộn\" completed", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();

    const auto db_file = dir / "var" / "lp.db";
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal"), 3) << daemon.log();
    const auto som = rows_of(db_file, "Sớm");
    ASSERT_EQ(som.size(), 1u);
    EXPECT_EQ(som[0].status, "missed");
    EXPECT_NE(som[0].reason.find("lỡ giờ phát"), std::string::npos) << som[0].reason;
    EXPECT_NEAR(som[0].late_s, 490, 60);  // journaled at the daemon's time after the jump
    const auto giua = rows_of(db_file, "Giữa");
    ASSERT_EQ(giua.size(), 1u);
    EXPECT_EQ(giua[0].status, "completed");
    // Started at the daemon's time, after its instant: late, as it was. `base` is the next whole
    // second (up to 1 s after the jumps' reference), hence 9 rather than 10.
    EXPECT_GE(giua[0].late_s, 9);
    EXPECT_LT(giua[0].late_s, 120);
    const auto muon = rows_of(db_file, "Muộn");
    ASSERT_EQ(muon.size(), 1u);
    EXPECT_EQ(muon[0].status, "completed");
    EXPECT_GE(muon[0].late_s, 29);
    EXPECT_LT(muon[0].late_s, 150);
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM pending_airing"), 0);
}

// The wall clock set while an item airs (NTP stepping it at boot, someone correcting it), an
// hour forward under one item and an hour back under the next: each row still spans what
// aired. Its end is its start plus the time it aired, not the new wall time, so the journal
// claims neither an hour of airing nor an end before the start.
TEST(ClockJump, SetWhileAnItemAirsTheRowStillSpansWhatAired) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "toi.wav", 4.0,
                         {.frequency = 392, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "lui.wav", 4.0,
                         {.frequency = 494, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto base = lp::test::whole_second_in(0s);
    const auto offset_file = dir / "wall-clock-offset";
    const lp::test::ScopedEnv hook("LOAPHUONG_TEST_WALL_CLOCK", offset_file.string());
    std::optional<lp::test::DaemonProcess> hooked;
    ASSERT_NO_FATAL_FAILURE(start_hooked(
        hooked, dir.path(),
        slot_toml(base, "Tới", 120s, "toi.wav", "Tin tới") + slot_toml(base, "Lùi", 3840s, "lui.wav", "Tin lùi")));
    auto& daemon = *hooked;

    // To "Tới"'s instant; an hour forward while it airs.
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 120s));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin tới\" (Tới) started", 10s)) << daemon.log();
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 3720s));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin tới\" completed", 20s)) << daemon.log();
    // To "Lùi"'s instant; an hour back while it airs.
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 3840s));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin lùi\" (Lùi) started", 10s)) << daemon.log();
    ASSERT_NO_FATAL_FAILURE(jump(daemon, offset_file, 240s));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin lùi\" completed", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();

    const auto db_file = dir / "var" / "lp.db";
    lp::sqlite::Database db(db_file);
    auto st = db.prepare(
        "SELECT slot, status, played_ms, (julianday(ended_at) - julianday(started_at)) * 86400000 FROM journal "
        "ORDER BY id");
    int rows = 0;
    while (st.step()) {
        ++rows;
        SCOPED_TRACE(st.text(0));
        EXPECT_EQ(st.text(1), "completed");
        EXPECT_NEAR(static_cast<double>(st.integer(2)), 4000, 100);
        // From the first sample to the end of the last: what aired, give or take the drain.
        EXPECT_NEAR(st.real(3), static_cast<double>(st.integer(2)), 500);
    }
    EXPECT_EQ(rows, 2) << daemon.log();
}

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
