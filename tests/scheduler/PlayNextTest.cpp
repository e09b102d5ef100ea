// Play next (the API's "play now without cutting") and what an emergency order may air, in
// virtual time against the player double.

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/scheduler/Programme.hpp"
#include "tests/scheduler/Simulator.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;
using lp::scheduler::Entry;
using lp::scheduler::Priority;
using lp::test::local_time;

// A 05:30 slot of three 60 s items (1, 2, 3); item 7 (20 s) to play next; item 8 never approved.
lp::scheduler::Rules morning() {
    lp::scheduler::Rules r;
    for (auto [id, length] : {std::pair{1, 60s}, {2, 60s}, {3, 60s}, {7, 20s}, {8, 15s}}) {
        lp::scheduler::ItemInfo i;
        i.id = id;
        i.title = "Tin " + std::to_string(id);
        i.duration = length;
        if (id != 8) i.approved_by = "Lê Văn Duyệt";
        r.items.push_back(i);
    }
    lp::scheduler::Slot s;
    s.name = "Sáng";
    s.start_of_day = 5h + 30min;
    s.programme = {{Entry::Kind::fixed, 1, 1, {}}, {Entry::Kind::fixed, 2, 1, {}}, {Entry::Kind::fixed, 3, 1, {}}};
    r.slots = {s};
    return r;
}

lp::scheduler::OneOff one_off(std::int64_t id, lp::scheduler::ItemId item, lp::scheduler::TimePoint at, Priority p) {
    lp::scheduler::OneOff o;
    o.id = id;
    o.item = item;
    o.at = at;
    o.priority = p;
    o.ordered_by = "lan";
    return o;
}

TEST(PlayNext, WithNothingPlayingItAirsAtOnce) {
    auto rules = morning();
    const auto at = local_time(2026, 3, 2, 9, 0, 0);
    rules.one_offs = {one_off(5, 7, at, Priority::next)};
    lp::scheduler::Engine engine(rules, lp::test::vietnam(), local_time(2026, 3, 2, 8, 0),
                                 {local_time(2026, 3, 2, 8, 0), local_time(2026, 3, 2, 8, 0)}, {});
    EXPECT_EQ(engine.next_wakeup(), at);
    const auto d = engine.tick(at + 300ms);
    EXPECT_FALSE(d.stop_current);
    ASSERT_EQ(d.air.size(), 1u);
    EXPECT_EQ(d.air[0].slot_name, "Phát tiếp theo");
    EXPECT_EQ(d.air[0].start, at + 300ms);
    EXPECT_FALSE(d.air[0].resumption);  // nothing before it: its start is measured
    ASSERT_EQ(d.air[0].cues.size(), 1u);
    EXPECT_EQ(d.air[0].cues[0].item, 7);
    EXPECT_EQ(d.air[0].cues[0].one_off, 5);
    EXPECT_TRUE(engine.tick(at + 1s).empty());  // decided once
    EXPECT_EQ(engine.marks().emergencies, at);
}

TEST(PlayNext, DuringAProgrammeItAirsRightAfterItWithoutCuttingAnything) {
    auto rules = morning();
    const auto slot = local_time(2026, 3, 2, 5, 30);
    rules.one_offs = {one_off(5, 7, slot + 70s, Priority::next)};  // during item 2
    lp::test::Simulator sim(rules, lp::test::vietnam(), slot - 1min);
    sim.run_until(slot + 10min);
    const auto& a = sim.airings();
    ASSERT_EQ(a.size(), 4u);
    for (const auto& x : a) EXPECT_EQ(x.status, Status::completed) << x.item;
    EXPECT_EQ(a[0].item, 1);
    EXPECT_EQ(a[1].item, 2);
    EXPECT_EQ(a[2].item, 3);
    EXPECT_EQ(a[3].item, 7);
    EXPECT_EQ(a[3].slot, "Phát tiếp theo");
    EXPECT_EQ(a[3].started, a[2].ended);  // at once after the programme, no gap and no cut
    const auto& orders = sim.orders();
    const auto next = std::ranges::find(orders, std::string("Phát tiếp theo"), &lp::scheduler::Order::slot_name);
    ASSERT_NE(next, orders.end());
    EXPECT_TRUE(next->resumption);  // queued behind the slot: no lateness against its instant
}

TEST(PlayNext, IsNotAttachedToTheNextSlotLikeANormalOneOff) {
    auto rules = morning();
    const auto slot = local_time(2026, 3, 2, 5, 30);
    rules.one_offs = {one_off(5, 7, slot - 10min, Priority::next), one_off(6, 7, slot - 10min, Priority::normal)};
    lp::test::Simulator sim(rules, lp::test::vietnam(), slot - 20min);
    sim.run_until(slot + 10min);
    const auto& a = sim.airings();
    ASSERT_EQ(a.size(), 5u);
    EXPECT_EQ(a[0].item, 7);  // the play-next, at its own instant
    EXPECT_EQ(a[0].slot, "Phát tiếp theo");
    EXPECT_EQ(a[0].started, slot - 10min);
    EXPECT_EQ(a[1].slot, "Sáng");  // the normal one-off goes into the slot
    EXPECT_EQ(std::ranges::count(a, 7, &lp::test::SimAiring::item), 2);
}

TEST(PlayNext, AnUnapprovedItemIsSkippedButAnEmergencyOrderAirsIt) {
    auto rules = morning();
    const auto at = local_time(2026, 3, 2, 9, 0);
    rules.one_offs = {one_off(5, 8, at, Priority::next), one_off(6, 8, at + 1min, Priority::emergency)};
    lp::scheduler::Engine engine(rules, lp::test::vietnam(), at - 1h, {at - 1h, at - 1h}, {});
    auto d = engine.tick(at);
    EXPECT_TRUE(d.air.empty());
    ASSERT_EQ(d.not_aired.size(), 1u);
    EXPECT_EQ(d.not_aired[0].kind, lp::scheduler::NotAiredKind::skipped);
    EXPECT_EQ(d.not_aired[0].slot_name, "Phát tiếp theo");
    EXPECT_EQ(d.not_aired[0].one_off, 5);  // the journal names who ordered it
    EXPECT_NE(d.not_aired[0].reason.find("chưa được duyệt"), std::string::npos) << d.not_aired[0].reason;
    // The emergency order is itself the order to air (its accounts are sealed in the journal).
    d = engine.tick(at + 1min);
    ASSERT_EQ(d.air.size(), 1u);
    EXPECT_EQ(d.air[0].cues[0].item, 8);
    EXPECT_TRUE(d.not_aired.empty());
}

TEST(PlayNext, ARetiredItemDoesNotAirEvenInAnEmergency) {
    auto rules = morning();
    rules.item(8)->retired = true;
    const auto at = local_time(2026, 3, 2, 9, 0);
    rules.one_offs = {one_off(6, 8, at, Priority::emergency)};
    lp::scheduler::Engine engine(rules, lp::test::vietnam(), at - 1h, {at - 1h, at - 1h}, {});
    const auto d = engine.tick(at);
    EXPECT_TRUE(d.air.empty());
    ASSERT_EQ(d.not_aired.size(), 1u);
    EXPECT_NE(d.not_aired[0].reason.find("đã ngừng sử dụng"), std::string::npos) << d.not_aired[0].reason;
}

TEST(PlayNext, PassedByMoreThanTheGracePeriodItIsJournaledMissed) {
    auto rules = morning();
    const auto at = local_time(2026, 3, 2, 9, 0);
    rules.one_offs = {one_off(5, 7, at, Priority::next)};
    lp::scheduler::Engine engine(rules, lp::test::vietnam(), at - 1h, {at - 1h, at - 1h}, {});
    const auto d = engine.tick(at + 6min);  // the daemon was down; grace is 5 min
    EXPECT_TRUE(d.air.empty());
    ASSERT_EQ(d.not_aired.size(), 1u);
    EXPECT_EQ(d.not_aired[0].kind, lp::scheduler::NotAiredKind::missed);
}

TEST(PlayNext, AnEmergencyAfterItCutsItAndItAirsAgainAfterTheAnnouncement) {
    auto rules = morning();
    const auto at = local_time(2026, 3, 2, 9, 0);
    rules.one_offs = {one_off(5, 7, at, Priority::next), one_off(6, 1, at + 5s, Priority::emergency)};
    lp::test::Simulator sim(rules, lp::test::vietnam(), at - 1min);
    sim.run_until(at + 5min);
    const auto& a = sim.airings();
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].item, 7);
    EXPECT_EQ(a[0].status, Status::interrupted);
    EXPECT_EQ(a[1].item, 1);
    EXPECT_EQ(a[1].slot, "Phát khẩn cấp");
    EXPECT_EQ(a[2].item, 7);
    EXPECT_EQ(a[2].status, Status::completed);
}

TEST(PlayNext, TheCodeRoundTrips) {
    EXPECT_EQ(lp::scheduler::priority_code(Priority::next), "next");
    EXPECT_EQ(lp::scheduler::priority_from_code("next"), Priority::next);
    EXPECT_EQ(lp::scheduler::priority_label(Priority::next), "Phát tiếp theo");
}

}  // namespace
