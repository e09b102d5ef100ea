// The dead-air alarm against a virtual clock: raise after the threshold, once; clear by itself.
#include <gtest/gtest.h>

#include "health/DeadAir.hpp"

using namespace lp::health;
using namespace std::chrono_literals;
using Change = DeadAirAlarm::Change;

namespace {

struct VirtualRun {
    DeadAirAlarm alarm{DeadAirOptions{30s, -60.0, 2s}};
    std::chrono::steady_clock::time_point now{};
    std::vector<std::pair<int, Change>> changes;  // (second, change)

    // One sample a second for `seconds`.
    void feed(int seconds, LevelSample s) {
        for (int i = 0; i < seconds; ++i) {
            if (const auto c = alarm.update(now, s); c != Change::none)
                changes.emplace_back(static_cast<int>((now - std::chrono::steady_clock::time_point{}) / 1s), c);
            now += 1s;
        }
    }
};

const LevelSample sound{true, true, -12};
const LevelSample silence{true, true, -75};
const LevelSample failing{true, false, -200};
const LevelSample idle{false, false, -200};

}  // namespace

TEST(DeadAir, SoundNeverRaises) {
    VirtualRun run;
    run.feed(3600, sound);
    EXPECT_TRUE(run.changes.empty());
}

TEST(DeadAir, NothingToPlayNeverRaises) {
    VirtualRun run;
    run.feed(3600, idle);
    EXPECT_TRUE(run.changes.empty());
}

TEST(DeadAir, SilenceRaisesOnceAfterTheThresholdAndClearsWhenSoundReturns) {
    VirtualRun run;
    run.feed(10, sound);
    run.feed(100, silence);  // silent from second 10
    run.feed(10, sound);     // back at 110; clears after 2 s of sound
    ASSERT_EQ(run.changes.size(), 2u);
    EXPECT_EQ(run.changes[0], std::make_pair(40, Change::raised));
    EXPECT_EQ(run.changes[1], std::make_pair(112, Change::cleared));
    EXPECT_FALSE(run.alarm.active());
    EXPECT_EQ(run.alarm.raised_total(), 1u);
}

TEST(DeadAir, ShortSilenceBelowTheThresholdDoesNotRaise) {
    VirtualRun run;
    run.feed(29, silence);
    run.feed(5, sound);
    run.feed(29, silence);
    EXPECT_TRUE(run.changes.empty());
}

TEST(DeadAir, AFailingOutputRaisesAndSaysItIsFailing) {
    VirtualRun run;
    run.feed(31, failing);
    ASSERT_EQ(run.changes.size(), 1u);
    EXPECT_EQ(run.changes[0], std::make_pair(30, Change::raised));
    EXPECT_TRUE(run.alarm.active());
    EXPECT_TRUE(run.alarm.last_bad_was_failing());
}

TEST(DeadAir, AnOutputFlappingBackForASecondKeepsTheAlarmAndItsStart) {
    VirtualRun run;
    for (int i = 0; i < 10; ++i) {  // 5 s failing, 1 s back, again: never 2 s of sound
        run.feed(5, failing);
        run.feed(1, sound);
    }
    ASSERT_EQ(run.changes.size(), 1u);
    EXPECT_EQ(run.changes[0].second, Change::raised);
    EXPECT_EQ(run.changes[0].first, 30);
}

TEST(DeadAir, TheAiringEndingClearsAtOnce) {
    VirtualRun run;
    run.feed(40, silence);
    run.feed(1, idle);
    ASSERT_EQ(run.changes.size(), 2u);
    EXPECT_EQ(run.changes[1], std::make_pair(40, Change::cleared));
}

TEST(DeadAir, SecondAlarmCountsAgain) {
    VirtualRun run;
    run.feed(31, silence);
    run.feed(3, sound);
    run.feed(31, silence);
    EXPECT_EQ(run.alarm.raised_total(), 2u);
}

TEST(DeadAir, Dbfs) {
    EXPECT_NEAR(to_dbfs(1.0), 0.0, 1e-9);
    EXPECT_NEAR(to_dbfs(0.001), -60.0, 1e-9);
    EXPECT_EQ(to_dbfs(0), -200.0);
}
