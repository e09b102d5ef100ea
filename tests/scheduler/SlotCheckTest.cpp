// Checking a slot before it is saved: overlaps with other slots (weekday, output, date range,
// windows past midnight) and what of its programme will not air.

#include <gtest/gtest.h>

#include "scheduler/SlotCheck.hpp"
#include "tests/scheduler/Programme.hpp"

namespace {

using namespace std::chrono_literals;
using lp::scheduler::Entry;
using lp::scheduler::Slot;

Slot slot(std::string name, std::chrono::seconds start, std::chrono::seconds length, std::vector<unsigned> days) {
    Slot s;
    s.name = std::move(name);
    s.start_of_day = start;
    s.max_length = length;
    s.days = std::move(days);
    return s;
}

TEST(SlotCheck, NamesTheDaysTheWindowsMeetWithBothWindows) {
    lp::scheduler::Rules rules;
    rules.slots = {slot("Sớm", 5h, 45min, {1, 3}), slot("Chiều", 17h, 30min, {0, 1, 2, 3, 4, 5, 6})};
    const auto morning = slot("Sáng", 5h + 30min, 30min, {1, 2, 3});
    EXPECT_EQ(lp::scheduler::overlap_days(morning, rules.slots[0]), (std::vector<unsigned>{1, 3}));
    const auto review = lp::scheduler::review_slot(morning, rules, {2026, 12, 1});
    ASSERT_EQ(review.overlaps.size(), 1u);
    EXPECT_EQ(review.overlaps[0],
              "Khung giờ \"Sáng\" (05:30–06:00) trùng giờ với \"Sớm\" (05:00–05:45) vào thứ Hai, thứ Tư.");
}

TEST(SlotCheck, TouchingWindowsOtherOutputsAndTheSlotItselfDoNotOverlap) {
    const auto a = slot("A", 5h, 30min, {1});
    EXPECT_TRUE(lp::scheduler::overlap_days(a, slot("B", 5h + 30min, 30min, {1})).empty());
    EXPECT_TRUE(lp::scheduler::overlap_days(slot("B", 4h + 30min, 30min, {1}), a).empty());
    EXPECT_TRUE(lp::scheduler::overlap_days(a, slot("C", 5h, 30min, {2})).empty());
    auto left = a;
    left.outputs = {"loa-trai"};
    auto right = slot("D", 5h, 30min, {1});
    right.outputs = {"loa-phai"};
    EXPECT_TRUE(lp::scheduler::overlap_days(left, right).empty());
    right.outputs = {};  // every output, so also loa-trai
    EXPECT_EQ(lp::scheduler::overlap_days(left, right), (std::vector<unsigned>{1}));
    lp::scheduler::Rules rules;
    rules.slots = {slot("A", 5h, 45min, {1})};  // the saved version of the slot being replaced
    EXPECT_TRUE(lp::scheduler::review_slot(a, rules, {2026, 12, 1}).overlaps.empty());
}

TEST(SlotCheck, AWindowPastMidnightMeetsTheNextDaysSlotAroundTheWeek) {
    const auto late = slot("Khuya", 23h + 30min, 1h, {6});  // Saturday 23:30–00:30
    EXPECT_EQ(lp::scheduler::overlap_days(late, slot("Đầu ngày", 0h, 15min, {0})), (std::vector<unsigned>{6}));
    EXPECT_EQ(lp::scheduler::overlap_days(slot("Đầu ngày", 0h, 15min, {0}), late), (std::vector<unsigned>{0}));
    EXPECT_TRUE(lp::scheduler::overlap_days(late, slot("Sáng CN", 0h + 30min, 15min, {0})).empty());
    EXPECT_TRUE(lp::scheduler::overlap_days(late, slot("Đầu ngày T2", 0h, 15min, {1})).empty());
}

TEST(SlotCheck, DateRangesThatDoNotMeetOrMissTheWeekdayDoNotOverlap) {
    auto december = slot("Tháng 12", 5h, 1h, {1, 2});
    december.first_day = lp::domain::LocalDate{2026, 12, 1};
    december.last_day = lp::domain::LocalDate{2026, 12, 31};
    auto january = slot("Tháng 1", 5h, 1h, {1, 2});
    january.first_day = lp::domain::LocalDate{2027, 1, 1};
    EXPECT_TRUE(lp::scheduler::overlap_days(december, january).empty());
    // A one-day slot on Tuesday 01/12/2026 meets the Tuesday only.
    auto one_day = slot("Một ngày", 5h + 10min, 10min, {0, 1, 2, 3, 4, 5, 6});
    one_day.first_day = one_day.last_day = lp::domain::LocalDate{2026, 12, 1};
    EXPECT_EQ(lp::scheduler::overlap_days(one_day, december), (std::vector<unsigned>{2}));
    auto demo = slot("Thử", 5h, 1h, {1, 2});
    demo.relative_start = 60s;
    EXPECT_TRUE(lp::scheduler::overlap_days(demo, december).empty());
}

TEST(SlotCheck, NotesItemsThatWillNotAirPoolsThatPickNothingAndATooLongProgramme) {
    lp::scheduler::Rules rules;
    lp::test::add_item(rules, 1, "Nhạc hiệu", 10s, "other");
    lp::test::add_item(rules, 2, "Bản tin", 20min, "a");
    lp::test::add_item(rules, 3, "Thông báo chưa duyệt", 1min, "e", false);
    lp::test::add_item(rules, 4, "Bài dài", 15min, "a");
    auto s = slot("Sáng", 5h, 30min, {1});
    s.programme = {{Entry::Kind::opening_jingle, 1, 1, {}},
                   {Entry::Kind::fixed, 2, 1, {}},
                   {Entry::Kind::fixed, 3, 1, {}},
                   {Entry::Kind::fixed, 4, 1, {}},
                   {Entry::Kind::pool, 0, 2, {{"e"}, {}, {}}},
                   {Entry::Kind::pool, 0, 1, {{"a"}, {}, {}}}};
    const auto review = lp::scheduler::review_slot(s, rules, {2026, 12, 1});
    EXPECT_TRUE(review.overlaps.empty());
    EXPECT_EQ(
        review.notes,
        (std::vector<std::string>{
            "Tin, bài số 3 (\"Thông báo chưa duyệt\") chưa được duyệt nên sẽ không được phát.",
            "Dòng chọn từ kho số 1 không có tin, bài nào phù hợp đã được duyệt và còn hạn: sẽ không chọn được gì.",
            "Các tin, bài cố định và nhạc hiệu dài 35 phút 10 giây, quá thời lượng tối đa 30 phút 0 giây của "
            "khung giờ: những tin cuối sẽ bị bỏ qua."}));
    EXPECT_EQ(review.all().size(), 3u);
}

TEST(SlotCheck, ItemsAreCheckedFromTheSlotsFirstDayWhenItIsLater) {
    lp::scheduler::Rules rules;
    lp::scheduler::ItemInfo tet;
    tet.id = 5;
    tet.title = "Chúc Tết";
    tet.approved_by = "Hoa";
    tet.valid_from = lp::domain::LocalDate{2027, 2, 1};
    rules.items.push_back(tet);
    auto s = slot("Tết", 6h, 30min, {0, 1, 2, 3, 4, 5, 6});
    s.programme = {{Entry::Kind::fixed, 5, 1, {}}};
    EXPECT_EQ(lp::scheduler::review_slot(s, rules, {2026, 12, 1}).notes.size(), 1u);  // not valid yet today
    s.first_day = lp::domain::LocalDate{2027, 2, 5};
    EXPECT_TRUE(lp::scheduler::review_slot(s, rules, {2026, 12, 1}).notes.empty());
}

}  // namespace
