#include <gtest/gtest.h>

#include "scheduler/Planner.hpp"
#include "tests/scheduler/Programme.hpp"

namespace {

using namespace std::chrono_literals;
using lp::scheduler::Entry;
using lp::test::local_time;

lp::scheduler::Rules small_rules() {
    lp::scheduler::Rules r;
    auto add = [&](lp::scheduler::ItemId id, std::chrono::seconds d, std::string topic) {
        lp::scheduler::ItemInfo i;
        i.id = id;
        i.title = "Tin " + std::to_string(id);
        i.duration = d;
        i.topics = {std::move(topic)};
        i.approved_by = "Trần Thị Biên";
        r.items.push_back(i);
    };
    add(1, 10s, "other");  // opening jingle
    add(2, 10s, "other");  // closing jingle
    add(11, 120s, "a");
    add(12, 120s, "a");
    add(13, 120s, "b");
    add(14, 400s, "c");
    lp::scheduler::Slot s;
    s.name = "Sáng";
    s.start_of_day = 5h + 30min;
    s.max_length = 5min;
    s.programme = {{Entry::Kind::opening_jingle, 1, 1, {}},
                   {Entry::Kind::pool, 0, 2, {{"a", "b", "c"}, {}, {}}},
                   {Entry::Kind::closing_jingle, 2, 1, {}}};
    r.slots = {s};
    return r;
}

std::vector<lp::scheduler::ItemId> items_of(const lp::scheduler::Plan& p) {
    std::vector<lp::scheduler::ItemId> out;
    for (const auto& c : p.cues) out.push_back(c.item);
    return out;
}

TEST(Planner, PicksLeastAiredThenSpreadsTopicsAndKeepsRoomForTheClosingJingle) {
    const auto rules = small_rules();
    lp::scheduler::History h;
    const auto at = local_time(2026, 3, 2, 5, 30);
    h.record(11, at - 48h);  // 11 aired once recently; 12 and 13 never
    const auto plan = lp::scheduler::plan_occurrence(rules, 0, at, lp::test::vietnam(), h, {});
    // 12 (never aired, topic a) first; then 13 beats 11 on count; 14 is too long for 5 min.
    EXPECT_EQ(items_of(plan), (std::vector<lp::scheduler::ItemId>{1, 12, 13, 2}));
    EXPECT_EQ(plan.length, 260s);
    EXPECT_NE(plan.cues[1].reason.find("chưa phát lần nào"), std::string::npos) << plan.cues[1].reason;
}

TEST(Planner, TopicSpreadBreaksTiesBetweenEquallyAiredItems) {
    auto rules = small_rules();
    lp::scheduler::History h;
    const auto plan =
        lp::scheduler::plan_occurrence(rules, 0, local_time(2026, 3, 2, 5, 30), lp::test::vietnam(), h, {});
    // 11 first (lowest id); then 13 (topic b) rather than 12 (topic a again).
    EXPECT_EQ(items_of(plan), (std::vector<lp::scheduler::ItemId>{1, 11, 13, 2}));
}

TEST(Planner, WhatDoesNotFitIsSkippedWithItsReasonNeverCut) {
    auto rules = small_rules();
    rules.slots[0].programme.insert(rules.slots[0].programme.begin() + 1, Entry{Entry::Kind::fixed, 14, 1, {}});
    const auto plan =
        lp::scheduler::plan_occurrence(rules, 0, local_time(2026, 3, 2, 5, 30), lp::test::vietnam(), {}, {});
    ASSERT_EQ(plan.skipped.size(), 1u);
    EXPECT_EQ(plan.skipped[0].item, 14);
    EXPECT_NE(plan.skipped[0].reason.find("không đủ thời lượng"), std::string::npos) << plan.skipped[0].reason;
    EXPECT_LE(plan.length, 5min);
}

TEST(Planner, UnapprovedRetiredAndExpiredItemsNeverAirAndSayWhy) {
    auto rules = small_rules();
    rules.item(11)->approved_by.reset();
    rules.item(12)->valid_until = lp::domain::LocalDate{2026, 3, 1};
    rules.item(13)->retired = true;
    rules.slots[0].programme.push_back({Entry::Kind::fixed, 11, 1, {}});
    const auto plan =
        lp::scheduler::plan_occurrence(rules, 0, local_time(2026, 3, 2, 5, 30), lp::test::vietnam(), {}, {});
    EXPECT_EQ(items_of(plan), (std::vector<lp::scheduler::ItemId>{1, 2}));
    ASSERT_EQ(plan.skipped.size(), 1u);  // the fixed one; pool candidates are simply not picked
    EXPECT_NE(plan.skipped[0].reason.find("chưa được duyệt"), std::string::npos);
    ASSERT_EQ(plan.warnings.size(), 1u);
    EXPECT_NE(plan.warnings[0].find("0/2"), std::string::npos) << plan.warnings[0];
}

}  // namespace

namespace {

TEST(Planner, PoolsCanSelectByTheOperatorsTags) {
    auto rules = small_rules();
    rules.item(13)->tags = {"tet"};
    rules.slots[0].programme[1].filter = {{}, {}, {"tet"}};
    const auto plan =
        lp::scheduler::plan_occurrence(rules, 0, local_time(2026, 3, 2, 5, 30), lp::test::vietnam(), {}, {});
    EXPECT_EQ(items_of(plan), (std::vector<lp::scheduler::ItemId>{1, 13, 2}));
}

}  // namespace
