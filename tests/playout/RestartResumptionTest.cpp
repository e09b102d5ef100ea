#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "playout/RestartResumption.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Leftover;

Leftover left(const std::string& programme, std::size_t cue, lp::journal::TimePoint scheduled,
              std::optional<std::int64_t> one_off = std::nullopt) {
    Leftover l;
    l.key = {programme, cue};
    l.plan.scheduled_at = scheduled;
    l.plan.title = programme + "#" + std::to_string(cue);
    l.plan.one_off = one_off;
    return l;
}

const auto t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");

TEST(RestartResumption, WithinTheGraceEmergenciesResumeFirstThenProgrammesInTheirOrder) {
    const auto plan = lp::playout::plan_restart(
        {left("Sáng@1", 2, t0), left("Sáng@1", 1, t0), left("emergency#3@x", 0, t0 + 5min, 3)}, t0 + 6min,
        t0 + 5min + 30s, 300s);
    ASSERT_EQ(plan.resume.size(), 2u);
    EXPECT_TRUE(plan.give_up.empty());
    EXPECT_EQ(plan.resume[0].programme, "emergency#3@x");
    EXPECT_TRUE(plan.resume[0].emergency);
    EXPECT_EQ(plan.resume[1].programme, "Sáng@1");
    ASSERT_EQ(plan.resume[1].cues.size(), 2u);
    EXPECT_EQ(plan.resume[1].cues[0].key.cue, 1u);  // the cut one first, then the rest
}

TEST(RestartResumption, ALiveSessionIsNeverResumedButAScheduledRelayIs) {
    // Item 7 is a live source. As an emergency (a `live start` session) it ends with the crash;
    // in a slot's programme (a scheduled relay) it resumes like a file.
    auto session = left("emergency#4@x", 0, t0 + 5min, 4);
    session.plan.media_item_id = 7;
    auto relay = left("Trưa@1", 0, t0);
    relay.plan.media_item_id = 7;
    auto file = left("emergency#5@y", 0, t0 + 5min, 5);
    file.plan.media_item_id = 8;
    const auto plan = lp::playout::plan_restart({session, relay, file}, t0 + 6min, t0 + 5min + 30s, 300s,
                                                [](std::int64_t item) { return item == 7; });
    ASSERT_EQ(plan.live_ended.size(), 1u);
    EXPECT_EQ(plan.live_ended[0].programme, "emergency#4@x");
    ASSERT_EQ(plan.resume.size(), 2u);
    EXPECT_EQ(plan.resume[0].programme, "emergency#5@y");
    EXPECT_EQ(plan.resume[1].programme, "Trưa@1");
    EXPECT_TRUE(plan.give_up.empty());
}

TEST(RestartResumption, BeyondTheGraceEverythingIsGivenUp) {
    const auto plan = lp::playout::plan_restart({left("Sáng@1", 1, t0)}, t0 + 2h, t0 + 10min, 300s);
    EXPECT_TRUE(plan.resume.empty());
    ASSERT_EQ(plan.give_up.size(), 1u);
    EXPECT_EQ(plan.give_up[0].due, t0 + 10min);
}

// Decided two seconds ahead and killed before it began: it was due at its own start, not at
// the last airing of the day before.
TEST(RestartResumption, AProgrammeNotYetStartedIsDueAtItsScheduledTime) {
    const auto plan = lp::playout::plan_restart({left("Sáng@1", 0, t0)}, t0 + 1min, t0 - 12h, 300s);
    ASSERT_EQ(plan.resume.size(), 1u);
    EXPECT_EQ(plan.resume[0].due, t0);
}

// The order keeps the old occurrence's slot, instant and outputs and names it in its id (so the
// engine does not decide it again); begun before the crash, it is a resumption.
TEST(RestartResumption, TheResumptionOrderContinuesTheOldOccurrence) {
    auto cut = left("Sáng@1", 1, t0, 4);
    cut.plan.slot = "Sáng";
    cut.plan.media_item_id = 12;
    cut.outputs = {"loa"};
    const auto plan = lp::playout::plan_restart({cut, left("Sáng@1", 2, t0)}, t0 + 1min, t0 + 50s, 300s);
    ASSERT_EQ(plan.resume.size(), 1u);
    const auto order = lp::playout::resumption_order(plan.resume[0], t0 + 1min);
    EXPECT_EQ(order.id, "Sáng@1/restart@" + lp::domain::to_utc_text(t0 + 1min));
    EXPECT_EQ(order.slot_name, "Sáng");
    EXPECT_EQ(order.scheduled_at, t0);
    EXPECT_EQ(order.start, t0 + 1min);
    EXPECT_EQ(order.outputs, std::vector<std::string>{"loa"});
    EXPECT_TRUE(order.resumption);
    ASSERT_EQ(order.cues.size(), 2u);
    EXPECT_EQ(order.cues[0].item, 12);
    EXPECT_EQ(order.cues[0].one_off, 4);
}

// Killed two seconds before its start: it airs at its own instant, as a scheduled start.
TEST(RestartResumption, AProgrammeNotYetBegunKeepsItsScheduledStart) {
    const auto plan = lp::playout::plan_restart({left("Sáng@1", 0, t0)}, t0 - 1s, t0 - 2s, 300s);
    ASSERT_EQ(plan.resume.size(), 1u);
    const auto order = lp::playout::resumption_order(plan.resume[0], t0 - 1s);
    EXPECT_EQ(order.start, t0);
    EXPECT_FALSE(order.resumption);
}

}  // namespace
