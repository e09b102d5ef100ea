// The plan preview day by day: each cue with its slot's start and its own expected start, the
// one-off's priority, what is left out and why, emergencies at their own time, and each
// warning on the day it concerns.

#include <gtest/gtest.h>

#include "scheduler/PreviewDays.hpp"
#include "tests/scheduler/Programme.hpp"

namespace {

using namespace std::chrono_literals;
using lp::scheduler::Entry;
using lp::scheduler::Priority;
using lp::test::local_time;
using lp::test::vietnam;

lp::scheduler::Rules rules() {
    lp::scheduler::Rules r;
    lp::test::add_item(r, 1, "Nhạc hiệu", 10s, "other");
    lp::test::add_item(r, 2, "Bản tin", 5min, "other");
    lp::test::add_item(r, 3, "Tin chưa duyệt", 1min, "a", false);
    lp::test::add_item(r, 11, "Cải cách hành chính 1", 2min, "a");
    lp::test::add_item(r, 12, "Cải cách hành chính 2", 2min, "a");
    r.items.back().valid_until = lp::domain::LocalDate{2026, 12, 2};
    lp::scheduler::Slot s;
    s.name = "Sáng";
    s.start_of_day = 5h + 30min;
    s.max_length = 30min;
    s.programme = {{Entry::Kind::opening_jingle, 1, 1, {}},
                   {Entry::Kind::fixed, 2, 1, {}},
                   {Entry::Kind::fixed, 3, 1, {}},
                   {Entry::Kind::pool, 0, 1, {{"a"}, {}, {}}}};
    r.slots = {s};
    lp::scheduler::OneOff priority;
    priority.id = 7;
    priority.item = 12;
    priority.at = local_time(2026, 12, 1, 5, 0);
    priority.priority = Priority::priority;
    lp::scheduler::OneOff emergency;
    emergency.id = 8;
    emergency.item = 2;
    emergency.at = local_time(2026, 12, 1, 9, 0);
    emergency.priority = Priority::emergency;
    r.one_offs = {priority, emergency};
    return r;
}

// 01/12/2026 and 02/12/2026, with an empty history.
std::vector<lp::scheduler::PreviewDay> two_days(const lp::scheduler::Rules& r) {
    const auto p =
        lp::scheduler::preview(r, {}, local_time(2026, 12, 1, 0, 0), local_time(2026, 12, 3, 0, 0), vietnam());
    return lp::scheduler::preview_days(p, r, {2026, 12, 1}, 2, vietnam());
}

TEST(PreviewDays, EachCueWithItsStartsReasonAndPriorityThenTheEmergencyAtItsOwnTime) {
    const auto days = two_days(rules());
    ASSERT_EQ(days.size(), 2u);
    const auto& d1 = days[0];
    EXPECT_EQ(d1.date, (lp::domain::LocalDate{2026, 12, 1}));
    ASSERT_EQ(d1.entries.size(), 5u);
    const std::vector<lp::scheduler::ItemId> items{1, 12, 2, 11, 2};
    const std::vector<lp::scheduler::TimePoint> starts{
        local_time(2026, 12, 1, 5, 30), local_time(2026, 12, 1, 5, 30, 10), local_time(2026, 12, 1, 5, 32, 10),
        local_time(2026, 12, 1, 5, 37, 10), local_time(2026, 12, 1, 9, 0)};
    for (std::size_t i = 0; i < items.size(); ++i) {
        EXPECT_EQ(d1.entries[i].item, items[i]) << i;
        EXPECT_EQ(d1.entries[i].at, starts[i]) << i;
    }
    EXPECT_EQ(d1.entries[0].slot_at, local_time(2026, 12, 1, 5, 30));
    EXPECT_EQ(d1.entries[3].slot_at, local_time(2026, 12, 1, 5, 30));
    EXPECT_EQ(d1.entries[0].slot, "Sáng");
    EXPECT_EQ(d1.entries[0].reason, "nhạc hiệu mở đầu");
    EXPECT_EQ(d1.entries[1].reason, "phát đột xuất, ưu tiên");
    EXPECT_EQ(d1.entries[1].priority, Priority::priority);
    EXPECT_EQ(d1.entries[1].title, "Cải cách hành chính 2");
    EXPECT_EQ(d1.entries[2].reason, "tin cố định của khung giờ");
    EXPECT_FALSE(d1.entries[2].priority);
    EXPECT_EQ(d1.entries[3].reason, "chọn từ kho: 0 lượt trong 30 ngày qua, chưa phát lần nào");
    EXPECT_EQ(d1.entries[3].length, 2min);
    EXPECT_FALSE(d1.entries[4].slot);  // the emergency belongs to no slot
    EXPECT_EQ(d1.entries[4].priority, Priority::emergency);
    EXPECT_EQ(d1.entries[4].reason, "phát khẩn cấp: ngắt chương trình đang phát");
    ASSERT_EQ(d1.skipped.size(), 1u);
    EXPECT_EQ(d1.skipped[0].item, 3);
    EXPECT_EQ(d1.skipped[0].title, "Tin chưa duyệt");
    EXPECT_EQ(d1.skipped[0].reason, "\"Tin chưa duyệt\" chưa được duyệt");
    EXPECT_EQ(d1.warnings,
              (std::vector<std::string>{"Khung giờ \"Sáng\" dài 30 phút nhưng chỉ có 00:09:10 nội dung",
                                        "Phát khẩn cấp lúc 09:00:00 ngày 01/12/2026 sẽ ngắt chương trình đang phát"}));
}

TEST(PreviewDays, TheRotationCarriesIntoTheNextDayAndWarningsGoToTheirDay) {
    const auto days = two_days(rules());
    ASSERT_EQ(days.size(), 2u);
    const auto& d2 = days[1];
    ASSERT_EQ(d2.entries.size(), 3u);  // jingle, news, and from the pool the item aired longest ago
    EXPECT_EQ(d2.entries[2].item, 12);
    EXPECT_EQ(d2.entries[2].reason, "chọn từ kho: 1 lượt trong 30 ngày qua, lần cuối 01/12/2026");
    ASSERT_EQ(d2.warnings.size(), 2u);
    EXPECT_EQ(d2.warnings[1], "Tin \"Cải cách hành chính 2\" hết hạn sử dụng sau ngày 02/12/2026");
    EXPECT_EQ(std::ranges::count(days[0].warnings, d2.warnings[1]), 0);
}

TEST(PreviewDays, ADayWithoutSlotsIsThereAndEmpty) {
    auto r = rules();
    r.slots[0].days = {1};  // Mondays only; 01/12/2026 is a Tuesday
    r.one_offs.clear();
    const auto p =
        lp::scheduler::preview(r, {}, local_time(2026, 12, 1, 0, 0), local_time(2026, 12, 2, 0, 0), vietnam());
    const auto days = lp::scheduler::preview_days(p, r, {2026, 12, 1}, 1, vietnam());
    ASSERT_EQ(days.size(), 1u);
    EXPECT_TRUE(days[0].entries.empty());
    EXPECT_TRUE(days[0].skipped.empty());
}

}  // namespace
