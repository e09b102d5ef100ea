// The engine against time going wrong: clock jumps both ways, restarts, late starts.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/scheduler/Programme.hpp"
#include "tests/scheduler/Simulator.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;
using lp::scheduler::Entry;
using lp::test::local_time;

lp::scheduler::Rules two_slots() {
    lp::scheduler::Rules r;
    for (lp::scheduler::ItemId id : {1, 2, 3}) {
        lp::scheduler::ItemInfo i;
        i.id = id;
        i.title = "Tin " + std::to_string(id);
        i.duration = 60s;
        i.approved_by = "Lê Văn Duyệt";
        r.items.push_back(i);
    }
    lp::scheduler::Slot s;
    s.name = "Sáng";
    s.start_of_day = 5h + 30min;
    s.programme = {{Entry::Kind::fixed, 1, 1, {}}, {Entry::Kind::fixed, 2, 1, {}}, {Entry::Kind::fixed, 3, 1, {}}};
    lp::scheduler::Slot e = s;
    e.name = "Chiều";
    e.start_of_day = 17h;
    r.slots = {s, e};
    return r;
}

long count_starts(const lp::test::Simulator& sim, lp::scheduler::TimePoint scheduled) {
    return std::ranges::count_if(sim.airings(), [&](const auto& a) { return a.scheduled_at == scheduled; });
}

TEST(Engine, ForwardJumpOverASlotByHoursJournalsItMissed) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 5, 0));
    sim.jump_to(local_time(2026, 3, 2, 7, 15));  // NTP fixes a clock that was 2 h 15 min slow
    sim.run_until(local_time(2026, 3, 2, 18, 0));
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 5, 30)), 0);
    const auto missed = std::ranges::count_if(sim.not_aired(), [](const auto& n) {
        return n.kind == lp::scheduler::NotAiredKind::missed && n.slot_name == "Sáng";
    });
    EXPECT_EQ(missed, 3);  // each planned item, with the reason
    EXPECT_NE(sim.not_aired().front().reason.find("quá giờ 1 giờ 45 phút"), std::string::npos)
        << sim.not_aired().front().reason;
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 17, 0)), 3);  // the next slot airs normally
}

TEST(Engine, ForwardJumpByMinutesWithinGraceAirsLate) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 5, 27));
    sim.jump_to(local_time(2026, 3, 2, 5, 33));  // 3 min past the slot, grace is 5 min
    sim.run_until(local_time(2026, 3, 2, 6, 0));
    ASSERT_EQ(count_starts(sim, local_time(2026, 3, 2, 5, 30)), 3);
    EXPECT_EQ(sim.airings().front().started, local_time(2026, 3, 2, 5, 33));
    EXPECT_TRUE(sim.not_aired().empty());
}

TEST(Engine, BackwardJumpAfterASlotNeverAirsItTwice) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 5, 40));
    ASSERT_EQ(count_starts(sim, local_time(2026, 3, 2, 5, 30)), 3);
    sim.jump_to(local_time(2026, 3, 2, 4, 40));  // an operator sets the clock an hour back
    sim.run_until(local_time(2026, 3, 2, 17, 30));
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 5, 30)), 3);
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 17, 0)), 3);
    EXPECT_TRUE(sim.not_aired().empty());
}

TEST(Engine, BackwardJumpByMinutesBeforeASlotStillAirsItOnce) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 5, 20));
    sim.jump_to(local_time(2026, 3, 2, 5, 10));
    sim.run_until(local_time(2026, 3, 2, 6, 0));
    ASSERT_EQ(count_starts(sim, local_time(2026, 3, 2, 5, 30)), 3);
    EXPECT_EQ(sim.airings().front().started, local_time(2026, 3, 2, 5, 30));
}

TEST(Engine, RestartInTheMiddleOfASlotDoesNotAirItAgain) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 5, 31, 30));  // item 2 is playing
    sim.crash_and_restart_at(local_time(2026, 3, 2, 5, 33));
    sim.run_until(local_time(2026, 3, 2, 17, 10));
    const auto morning = count_starts(sim, local_time(2026, 3, 2, 5, 30));
    EXPECT_EQ(morning, 2);  // item 1 completed, item 2 cut by the crash; nothing aired twice
    EXPECT_EQ(std::ranges::count(sim.airings(), Status::interrupted, &lp::test::SimAiring::status), 1);
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 17, 0)), 3);
}

TEST(Engine, DowntimeOverSeveralSlotsJournalsEachMissedOnRestart) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 4, 30));
    sim.crash_and_restart_at(local_time(2026, 3, 3, 12, 0));  // down for a day and a half
    sim.run_until(local_time(2026, 3, 3, 18, 0));
    EXPECT_EQ(std::ranges::count(sim.not_aired(), lp::scheduler::NotAiredKind::missed, &lp::scheduler::NotAired::kind),
              9);
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 3, 17, 0)), 3);
}

TEST(Engine, RulesChangedAtRunTimeApplyFromTheNextOccurrence) {
    lp::test::Simulator sim(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0));
    sim.run_until(local_time(2026, 3, 2, 12, 0));
    auto rules = two_slots();
    rules.slots[1].start_of_day = 18h;  // the evening slot moves to 18:00
    sim.set_rules(rules);
    sim.run_until(local_time(2026, 3, 2, 19, 0));
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 17, 0)), 0);
    EXPECT_EQ(count_starts(sim, local_time(2026, 3, 2, 18, 0)), 3);
}

TEST(Engine, NextWakeupIsThePrerollBeforeTheSlot) {
    lp::scheduler::Engine engine(two_slots(), lp::test::vietnam(), local_time(2026, 3, 2, 4, 0),
                                 {local_time(2026, 3, 2, 4, 0), local_time(2026, 3, 2, 4, 0)}, {});
    EXPECT_EQ(engine.next_wakeup(), local_time(2026, 3, 2, 5, 29, 58));
    EXPECT_TRUE(engine.tick(local_time(2026, 3, 2, 5, 29, 57)).empty());
    const auto d = engine.tick(local_time(2026, 3, 2, 5, 29, 58));
    ASSERT_EQ(d.air.size(), 1u);
    EXPECT_EQ(d.air[0].start, local_time(2026, 3, 2, 5, 30));
    EXPECT_EQ(engine.next_wakeup(), local_time(2026, 3, 2, 16, 59, 58));
}

}  // namespace

namespace {

// An emergency 0.9 s into a 40 s item: the item reached nobody, so it airs again from its
// start after the announcement when the slot still has room for it, and is skipped with the
// reason when it has not. Either way the cut row names what cut it.
struct CutByEmergency {
    lp::scheduler::Rules rules;
    explicit CutByEmergency(std::chrono::seconds slot_length) {
        for (auto [id, length] : {std::pair{1, 40s}, {2, 30s}, {9, 3s}}) {
            lp::scheduler::ItemInfo i;
            i.id = id;
            i.title = "Tin " + std::to_string(id);
            i.duration = length;
            i.approved_by = "Lê Văn Duyệt";
            rules.items.push_back(i);
        }
        lp::scheduler::Slot s;
        s.name = "Sáng";
        s.start_of_day = 5h + 30min;
        s.max_length = slot_length;
        s.programme = {{Entry::Kind::fixed, 1, 1, {}}, {Entry::Kind::fixed, 2, 1, {}}};
        rules.slots = {s};
        rules.one_offs = {{3, 9, local_time(2026, 3, 2, 5, 30) + 900ms, lp::scheduler::Priority::emergency, 1, 0s, {}}};
    }
    // Runs to the emergency and returns its decisions.
    lp::scheduler::Decisions cut() {
        const auto slot = local_time(2026, 3, 2, 5, 30);
        lp::scheduler::Engine engine(rules, lp::test::vietnam(), local_time(2026, 3, 2, 4, 0),
                                     {local_time(2026, 3, 2, 4, 0), local_time(2026, 3, 2, 4, 0)}, {});
        const auto first = engine.tick(slot - 2s);
        EXPECT_EQ(first.air.size(), 1u);
        engine.cue_started(first.air.at(0).id, 0, slot);
        return engine.tick(slot + 900ms);
    }
};

TEST(Engine, AnItemCutByAnEmergencyAirsAgainFromItsStartWhenItStillFits) {
    CutByEmergency setup(2min);
    const auto d = setup.cut();
    EXPECT_TRUE(d.stop_current);
    EXPECT_NE(d.cut_reason.find("phát khẩn cấp số 3 (\"Tin 9\") lúc 05:30:00"), std::string::npos) << d.cut_reason;
    EXPECT_NE(d.cut_reason.find("phát lại từ đầu"), std::string::npos) << d.cut_reason;
    EXPECT_TRUE(d.not_aired.empty());
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[1].resumes_from, 0u);
    ASSERT_EQ(d.air[1].cues.size(), 2u);
    EXPECT_EQ(d.air[1].cues[0].item, 1);  // the cut item, again
    EXPECT_TRUE(d.air[1].resumption);
}

TEST(Engine, AnItemCutByAnEmergencyIsSkippedWithTheReasonWhenTheSlotHasNoRoomLeft) {
    CutByEmergency setup(72s);  // 0.9 + 3 + 40 + 30 s would end past the slot's 72 s
    const auto d = setup.cut();
    EXPECT_NE(d.cut_reason.find("không phát lại"), std::string::npos) << d.cut_reason;
    ASSERT_EQ(d.not_aired.size(), 1u);
    EXPECT_EQ(d.not_aired[0].item, 1);
    EXPECT_EQ(d.not_aired[0].kind, lp::scheduler::NotAiredKind::skipped);
    EXPECT_NE(d.not_aired[0].reason.find("không còn đủ thời lượng"), std::string::npos);
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[1].resumes_from, 1u);
    ASSERT_EQ(d.air[1].cues.size(), 1u);
    EXPECT_EQ(d.air[1].cues[0].item, 2);
}

// A live session (an emergency of a live source, planned for [live] max_length) is stopped by
// the operator: the item it cut airs again after it if the rest of the programme fits.
TEST(Engine, AnItemCutByALiveSessionAirsAgainAfterItWhateverItsPlannedLength) {
    CutByEmergency setup(2min);
    auto& urgent = setup.rules.items.back();
    urgent.live_url = "http://127.0.0.1:8000/vov1";
    urgent.live_kind = "tiep_song";
    urgent.duration = 1h;
    const auto d = setup.cut();
    EXPECT_TRUE(d.not_aired.empty());
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[1].resumes_from, 0u);
    EXPECT_EQ(d.air[1].cues[0].item, 1);
}

// The operator stopped the player in the slot's first item; an emergency comes before the
// player's last events reach the loop. It airs alone: what the operator stopped is not
// resumed after it.
TEST(Engine, AnEmergencyRightAfterTheOperatorsStopResumesNothing) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    const auto first = engine.tick(slot - 2s);
    ASSERT_EQ(first.air.size(), 1u);
    engine.cue_started(first.air[0].id, 0, slot);
    engine.operator_stopped();
    const auto d = engine.tick(slot + 900ms);
    ASSERT_EQ(d.air.size(), 1u);
    EXPECT_EQ(d.air[0].cues.at(0).item, 9);
    EXPECT_TRUE(d.not_aired.empty());
    // Without the stop the same tick resumes the cut item after the emergency.
    EXPECT_EQ(setup.cut().air.size(), 2u);
}

// A live session's emergency (loaphuong live start orders it a pre-roll ahead) is decided
// the pre-roll before its instant, like a slot: what plays is cut then, and the order starts
// at the instant, so that the player connects the source in between. A file's emergency still
// cuts and starts at its instant.
TEST(Engine, ALiveSourcesEmergencyIsHandedOutThePrerollAheadOfItsStart) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    const auto at = slot + 10s;
    setup.rules.one_offs.at(0).at = at;
    auto& urgent = setup.rules.items.back();
    urgent.live_url = "http://127.0.0.1:8000/vov1";
    urgent.live_kind = "tiep_song";
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    int stops = 0;
    engine.set_cut_player([&]() -> std::optional<lp::scheduler::PlayerPosition> {
        ++stops;
        return std::nullopt;
    });
    const auto first = engine.tick(slot - 2s);
    ASSERT_EQ(first.air.size(), 1u);
    engine.cue_started(first.air[0].id, 0, slot);
    EXPECT_EQ(engine.next_wakeup(), at - lp::scheduler::default_preroll);
    EXPECT_TRUE(engine.tick(at - lp::scheduler::default_preroll - 1ms).empty());
    const auto d = engine.tick(at - lp::scheduler::default_preroll);
    EXPECT_EQ(stops, 1);
    EXPECT_TRUE(d.stop_current);
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[0].cues.at(0).item, 9);
    EXPECT_EQ(d.air[0].start, at);
    EXPECT_EQ(d.air[0].scheduled_at, at);
    EXPECT_TRUE(engine.tick(at).empty()) << "decided once";

    urgent.live_url.clear();
    lp::scheduler::Engine files(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    ASSERT_EQ(files.tick(slot - 2s).air.size(), 1u);
    EXPECT_EQ(files.next_wakeup(), at);
    EXPECT_TRUE(files.tick(at - 1ms).empty());
    const auto file = files.tick(at);
    ASSERT_FALSE(file.air.empty());
    EXPECT_EQ(file.air[0].start, at);
}

// A live source's emergency ordered for "now" (the page's emergency form, `oneoff add --at
// now`) is decided at once but starts a pre-roll later, so that its source connects first.
TEST(Engine, ALiveSourcesEmergencyOrderedForNowStillGetsItsPreroll) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    const auto at = slot + 10s;
    setup.rules.one_offs.at(0).at = at;
    setup.rules.items.back().live_url = "http://127.0.0.1:8000/vov1";
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    ASSERT_EQ(engine.tick(slot - 2s).air.size(), 1u);
    const auto d = engine.tick(at + 500ms);  // the loop woke late, or the order came now
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[0].cues.at(0).item, 9);
    EXPECT_EQ(d.air[0].start, at + 500ms + lp::scheduler::default_preroll);
}

// The player completed the 40 s item and began the next just before the emergency, but those
// events are still on their way to the loop: the engine last heard that the first item
// started. The cut takes the player's own position, so the completed item is not aired
// again (it would be journaled completed twice); the one it cut airs again from its start.
TEST(Engine, AnEmergencyResumesFromWhereThePlayerWasCutNotFromEventsStillOnTheirWay) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    setup.rules.one_offs.at(0).at = slot + 40s + 100ms;
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    const auto first = engine.tick(slot - 2s);
    ASSERT_EQ(first.air.size(), 1u);
    const auto order = first.air[0].id;
    engine.cue_started(order, 0, slot);
    int stops = 0;
    engine.set_cut_player([&]() -> std::optional<lp::scheduler::PlayerPosition> {
        ++stops;
        return lp::scheduler::PlayerPosition{order, 1, false};
    });
    const auto d = engine.tick(slot + 40s + 100ms);
    EXPECT_EQ(stops, 1);
    EXPECT_TRUE(d.stop_current);
    EXPECT_NE(d.cut_reason.find("phát lại từ đầu"), std::string::npos) << d.cut_reason;
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[1].resumes, order);
    EXPECT_EQ(d.air[1].resumes_from, 1u);
    ASSERT_EQ(d.air[1].cues.size(), 1u);
    EXPECT_EQ(d.air[1].cues[0].item, 2);  // the cut item; the completed one is not in it
}

// The player had finished an order (its last events still on their way: the engine heard only
// that its last item started) and had begun the next when cut: the finished order is not
// resumed; the next one, cut in its first item, airs again from there.
TEST(Engine, AnOrderThePlayerHadFinishedWhenCutIsNotResumed) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    auto later = setup.rules.slots.at(0);
    later.name = "Sáng 2";
    later.start_of_day += 2min;
    setup.rules.slots.push_back(later);
    setup.rules.one_offs.at(0).at = slot + 2min + 1s;
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    const auto first = engine.tick(slot - 2s);
    ASSERT_EQ(first.air.size(), 1u);
    engine.cue_started(first.air[0].id, 1, slot + 40s);
    const auto second = engine.tick(slot + 2min - 2s);
    ASSERT_EQ(second.air.size(), 1u);
    engine.set_cut_player([&]() -> std::optional<lp::scheduler::PlayerPosition> {
        return lp::scheduler::PlayerPosition{second.air[0].id, 0, false};
    });
    const auto d = engine.tick(slot + 2min + 1s);
    EXPECT_TRUE(d.stop_current);
    ASSERT_EQ(d.air.size(), 2u);  // the emergency, then the second order from its cut item
    EXPECT_EQ(d.air[1].resumes, second.air[0].id);
    EXPECT_EQ(d.air[1].resumes_from, 0u);
    EXPECT_EQ(d.air[1].cues.size(), 2u);
    EXPECT_NE(d.cut_reason.find("phát lại từ đầu"), std::string::npos) << d.cut_reason;
}

// The loop wakes late (a restart, a loaded machine): the slot's start and, after it, an
// emergency are due in the same tick. The slot's programme has not reached the player yet: it
// airs once, after the emergency, not also before it (it was journaled twice).
TEST(Engine, ASlotAndAnEmergencyDueInTheSameTickAirTheSlotOnceAfterTheEmergency) {
    CutByEmergency setup(2min);
    const auto slot = lp::test::local_time(2026, 3, 2, 5, 30);
    lp::scheduler::Engine engine(setup.rules, lp::test::vietnam(), slot - 90min, {slot - 90min, slot - 90min}, {});
    int stops = 0;
    engine.set_cut_player([&]() -> std::optional<lp::scheduler::PlayerPosition> {
        ++stops;
        return std::nullopt;
    });
    const auto d = engine.tick(slot + 5s);
    EXPECT_EQ(stops, 1);
    ASSERT_EQ(d.air.size(), 2u);
    EXPECT_EQ(d.air[0].cues.at(0).item, 9);  // the emergency first
    EXPECT_EQ(d.air[1].cues.size(), 2u);     // then the slot's programme, whole, once
    EXPECT_EQ(d.air[1].cues.at(0).item, 1);
}

}  // namespace

namespace {

// Killed after a programme was handed out but before the marks that record its decision were
// saved: the restart resumes it from the database, and the engine must not decide it again.
TEST(Engine, AnOccurrenceResumedAfterACrashIsNotDecidedAgain) {
    const auto start = local_time(2026, 3, 2, 5, 29);
    lp::scheduler::Engine engine(two_slots(), lp::test::vietnam(), start, {start, start}, {});
    lp::scheduler::Order resumed;
    resumed.id = "Sáng@" + lp::domain::to_utc_text(local_time(2026, 3, 2, 5, 30)) + "/restart@x";
    resumed.cues = {{2, "", std::nullopt}};
    engine.adopt(resumed);
    const auto d = engine.tick(local_time(2026, 3, 2, 5, 30));
    EXPECT_TRUE(d.air.empty());
    EXPECT_TRUE(d.not_aired.empty());
    EXPECT_EQ(engine.marks().slots, local_time(2026, 3, 2, 5, 30));  // decided, not pending
}

}  // namespace
