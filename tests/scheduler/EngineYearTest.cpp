// A realistic year of the ward's programme in virtual time: every slot on its instant, fair
// rotation, nothing expired or unapproved on air, emergencies preempting within a second.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "scheduler/Calendar.hpp"
#include "tests/scheduler/Programme.hpp"
#include "tests/scheduler/Simulator.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;
using lp::scheduler::Priority;
using lp::test::local_time;

class WardYear : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        rules_ = new lp::scheduler::Rules(lp::test::ward_year());
        // Three emergencies: one in the middle of the morning news, one between slots, one
        // repeated three times half an hour apart; a priority and a normal one-off.
        rules_->one_offs = {
            {1, lp::test::emergency_item, local_time(2026, 3, 10, 5, 33, 20), Priority::emergency, 1, 0s, {}},
            {2, lp::test::emergency_item, local_time(2026, 7, 22, 11, 0), Priority::emergency, 1, 0s, {}},
            {3, lp::test::emergency_item, local_time(2026, 10, 5, 9, 0), Priority::emergency, 3, 30min, {}},
            {4, 101, local_time(2026, 6, 1, 10, 0), Priority::priority, 1, 0s, {}},
            {5, 102, local_time(2026, 6, 1, 10, 5), Priority::normal, 1, 0s, {}},
        };
        sim_ = new lp::test::Simulator(*rules_, lp::test::vietnam(), local_time(2026, 1, 1, 0, 0));
        sim_->run_until(local_time(2027, 1, 1, 0, 0));
    }
    static void TearDownTestSuite() {
        delete sim_;
        delete rules_;
    }
    static lp::scheduler::Rules* rules_;
    static lp::test::Simulator* sim_;
};

lp::scheduler::Rules* WardYear::rules_ = nullptr;
lp::test::Simulator* WardYear::sim_ = nullptr;

TEST_F(WardYear, EverySlotAiredAtItsInstant) {
    const auto expected = lp::scheduler::occurrences_between(rules_->slots, local_time(2026, 1, 1, 0, 0),
                                                             local_time(2027, 1, 1, 0, 0), lp::test::vietnam(), {});
    // 365 days less 9 holidays, twice a day, plus Mondays/Wednesdays/Fridays that are not holidays.
    EXPECT_EQ(std::ranges::count(expected, 0u, &lp::scheduler::Occurrence::slot), 356);
    std::map<std::string, lp::scheduler::TimePoint> first_start;  // order -> its first cue's start
    for (const auto& a : sim_->airings())
        if (!first_start.contains(a.order)) first_start[a.order] = a.started;
    for (const auto& occ : expected) {
        const std::string id = rules_->slots[occ.slot].name + "@" + lp::domain::to_utc_text(occ.at);
        ASSERT_TRUE(first_start.contains(id)) << id;
        EXPECT_EQ(first_start[id], occ.at) << id;
    }
    // And nothing aired on a holiday.
    for (const auto& a : sim_->airings()) {
        const auto day = lp::scheduler::local_date(lp::test::vietnam(), a.started);
        EXPECT_FALSE(day == (lp::domain::LocalDate{2026, 9, 2}) && a.slot != "Phát khẩn cấp") << a.order;
    }
    EXPECT_TRUE(std::ranges::none_of(sim_->not_aired(),
                                     [](const auto& n) { return n.kind == lp::scheduler::NotAiredKind::missed; }));
}

TEST_F(WardYear, PoolRotationIsFairWithinTwoAirings) {
    std::map<lp::scheduler::ItemId, int> count;
    for (const auto& a : sim_->airings())
        if (a.item > 100 && a.item < 200 && a.status == Status::completed) ++count[a.item];
    int lo = 1 << 30, hi = 0, total = 0;
    for (lp::scheduler::ItemId id = 101; id <= 140; ++id) {
        if (id == lp::test::expiring_item || id == lp::test::late_item || id == lp::test::unapproved_a ||
            id == lp::test::unapproved_b)
            continue;
        lo = std::min(lo, count[id]);
        hi = std::max(hi, count[id]);
        total += count[id];
    }
    // 36 items valid all year share ~1,300 picks; least-aired-first keeps them within 2.
    EXPECT_GT(total, 1200);
    EXPECT_LE(hi - lo, 2) << "min " << lo << " max " << hi;
    RecordProperty("pool_airings_min", lo);
    RecordProperty("pool_airings_max", hi);
    RecordProperty("pool_airings_total", total);
    // Never the same item twice in one slot.
    std::map<std::string, std::set<lp::scheduler::ItemId>> per_order;
    for (const auto& a : sim_->airings())
        if (a.item > 100 && a.item < 200) {
            EXPECT_TRUE(per_order[a.order].insert(a.item).second) << a.order;
        }
}

TEST_F(WardYear, NoExpiredOrUnapprovedItemAired) {
    for (const auto& a : sim_->airings()) {
        EXPECT_NE(a.item, lp::test::unapproved_a);
        EXPECT_NE(a.item, lp::test::unapproved_b);
        const auto day = lp::scheduler::local_date(lp::test::vietnam(), a.started);
        if (a.item == lp::test::expiring_item) {
            EXPECT_LE(day, (lp::domain::LocalDate{2026, 2, 15}));
        }
        if (a.item == lp::test::late_item) {
            EXPECT_GE(day, (lp::domain::LocalDate{2026, 5, 1}));
        }
    }
    // The expiring item did air before it expired, and the late one after May 1st.
    EXPECT_TRUE(std::ranges::any_of(sim_->airings(), [](const auto& a) { return a.item == lp::test::expiring_item; }));
    EXPECT_TRUE(std::ranges::any_of(sim_->airings(), [](const auto& a) { return a.item == lp::test::late_item; }));
}

TEST_F(WardYear, EmergenciesPreemptWithinASecondAndTheProgrammeResumes) {
    const std::vector<lp::scheduler::TimePoint> instants{
        local_time(2026, 3, 10, 5, 33, 20), local_time(2026, 7, 22, 11, 0), local_time(2026, 10, 5, 9, 0),
        local_time(2026, 10, 5, 9, 30), local_time(2026, 10, 5, 10, 0)};
    for (const auto at : instants) {
        const auto it = std::ranges::find_if(
            sim_->airings(), [&](const auto& a) { return a.item == lp::test::emergency_item && a.scheduled_at == at; });
        ASSERT_NE(it, sim_->airings().end()) << lp::domain::to_utc_text(at);
        EXPECT_LE(it->started - at, 1s);
        EXPECT_EQ(it->status, Status::completed);
    }
    // 10/03 05:33:20 falls in the morning news (05:30:10 - 05:35:10): the news is cut,
    // journaled interrupted, aired again from its start after the 45 s announcement (it still
    // fits the slot), and the closing jingle follows it.
    const auto cut =
        std::ranges::find_if(sim_->airings(), [](const auto& a) { return a.status == Status::interrupted; });
    ASSERT_NE(cut, sim_->airings().end());
    EXPECT_EQ(cut->item, lp::test::news);
    EXPECT_EQ(cut->ended, local_time(2026, 3, 10, 5, 33, 20));
    const auto closing = std::ranges::find_if(sim_->airings(), [&](const auto& a) {
        return a.item == lp::test::closing_jingle && a.scheduled_at == local_time(2026, 3, 10, 5, 30);
    });
    ASSERT_NE(closing, sim_->airings().end());
    const auto again = std::ranges::find_if(sim_->airings(), [&](const auto& a) {
        return a.item == lp::test::news && a.started == local_time(2026, 3, 10, 5, 34, 5);
    });
    ASSERT_NE(again, sim_->airings().end());  // right after the 45 s announcement
    EXPECT_EQ(again->status, Status::completed);
    EXPECT_EQ(closing->started, again->ended);
    EXPECT_EQ(std::ranges::count(sim_->airings(), Status::interrupted, &lp::test::SimAiring::status), 1);
}

TEST_F(WardYear, OneOffsWaitForTheirSlotPriorityFirst) {
    std::vector<lp::scheduler::ItemId> evening;
    for (const auto& a : sim_->airings())
        if (a.scheduled_at == local_time(2026, 6, 1, 17, 0)) evening.push_back(a.item);
    ASSERT_GE(evening.size(), 5u);
    EXPECT_EQ(evening[0], lp::test::opening_jingle);
    EXPECT_EQ(evening[1], 101);                   // priority: first after the opening jingle
    EXPECT_EQ(evening[evening.size() - 2], 102);  // normal: after the programme
    EXPECT_EQ(evening.back(), lp::test::closing_jingle);
}

TEST_F(WardYear, NoPollingOneWakeupPerEvent) {
    // Wake-ups are only for decisions and audio events: about 1,000 slots and 5,000 cues.
    EXPECT_LT(sim_->wakeups(), 8000);
}

}  // namespace
