#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "library/ItemStore.hpp"
#include "scheduler/RuleStore.hpp"
#include "tests/scheduler/Programme.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::scheduler::Entry;
using lp::test::local_time;

TEST(RuleStore, SlotsProgrammesOneOffsAndApprovalsRoundTrip) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "r.db");
    lp::library::ItemStore items(db);
    const auto a = items.upsert({"/m/a.mp3", "Nhạc hiệu", "other", "am_nhac"});
    const auto b = items.upsert({"/m/b.mp3", "Tin A", "a", "tin"});
    items.set_duration(b, 95s);
    ASSERT_TRUE(items.approve(b, "Trần Duyệt"));
    lp::scheduler::RuleStore store(db);

    lp::scheduler::Slot s;
    s.name = "Sáng";
    s.days = {1, 3, 5};
    s.start_of_day = 5h + 30min;
    s.max_length = 20min;
    s.first_day = lp::domain::LocalDate{2026, 1, 1};
    s.last_day = lp::domain::LocalDate{2026, 12, 31};
    s.skipped_days = {{2026, 4, 30}, {2026, 5, 1}};
    s.outputs = {"loa", "ghi-am"};
    s.programme = {{Entry::Kind::opening_jingle, a, 1, {}},
                   {Entry::Kind::fixed, b, 1, {}},
                   {Entry::Kind::pool, 0, 3, {{"a", "m"}, {"tin"}, {"tet"}}}};
    store.save_slot(s);
    s.max_length = 25min;  // saving again by name replaces
    store.save_slot(s);
    const auto id = store.add_one_off(
        {0, b, local_time(2026, 3, 1, 9, 0), lp::scheduler::Priority::emergency, 2, 15min, {}}, "Chủ tịch");

    const auto rules = store.load();
    ASSERT_EQ(rules.slots.size(), 1u);
    const auto& got = rules.slots[0];
    EXPECT_EQ(got.days, s.days);
    EXPECT_EQ(got.start_of_day, s.start_of_day);
    EXPECT_EQ(got.max_length, 25min);
    EXPECT_EQ(got.first_day, s.first_day);
    EXPECT_EQ(got.last_day, s.last_day);
    EXPECT_EQ(got.skipped_days, s.skipped_days);
    EXPECT_EQ(got.outputs, s.outputs);
    ASSERT_EQ(got.programme.size(), 3u);
    EXPECT_EQ(got.programme[0].kind, Entry::Kind::opening_jingle);
    EXPECT_EQ(got.programme[2].count, 3);
    EXPECT_EQ(got.programme[2].filter.topics, (std::vector<std::string>{"a", "m"}));
    EXPECT_EQ(got.programme[2].filter.forms, (std::vector<std::string>{"tin"}));
    EXPECT_EQ(got.programme[2].filter.tags, (std::vector<std::string>{"tet"}));
    ASSERT_EQ(rules.one_offs.size(), 1u);
    EXPECT_EQ(rules.one_offs[0].at, local_time(2026, 3, 1, 9, 0));
    EXPECT_EQ(rules.one_offs[0].repeat, 2);
    EXPECT_EQ(rules.one_offs[0].gap, 15min);
    EXPECT_EQ(rules.item(b)->approved_by, "Trần Duyệt");
    EXPECT_EQ(rules.item(b)->duration, 95s);
    EXPECT_FALSE(rules.item(a)->approved_by.has_value());

    EXPECT_TRUE(store.cancel_one_off(id));
    EXPECT_FALSE(store.cancel_one_off(id));
    EXPECT_TRUE(store.load().one_offs.empty());
    EXPECT_TRUE(store.remove_slot("Sáng"));
    EXPECT_FALSE(store.remove_slot("Sáng"));
}

TEST(RuleStore, MarksSurviveARestart) {
    lp::test::TempDir dir;
    const auto t0 = local_time(2026, 3, 2, 5, 30);
    {
        auto db = lp::db::open_store(dir / "r.db");
        lp::scheduler::RuleStore store(db);
        EXPECT_EQ(store.load_marks(t0).slots, t0);  // fresh: the fallback
        store.save_marks({t0 + 1h, t0 + 2h});
    }
    auto db = lp::db::open_store(dir / "r.db");
    lp::scheduler::RuleStore store(db);
    const auto marks = store.load_marks(t0 + 100h);
    EXPECT_EQ(marks.slots, t0 + 1h);
    EXPECT_EQ(marks.emergencies, t0 + 2h);
}

}  // namespace
