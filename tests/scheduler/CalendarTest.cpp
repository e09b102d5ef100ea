#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "scheduler/Calendar.hpp"

namespace {

using namespace std::chrono_literals;
using lp::domain::from_utc_text;
using lp::scheduler::Slot;

const auto* vn = lp::domain::zone("Asia/Ho_Chi_Minh");

Slot daily(std::string name, std::chrono::seconds start, std::vector<unsigned> days = {0, 1, 2, 3, 4, 5, 6}) {
    Slot s;
    s.name = std::move(name);
    s.start_of_day = start;
    s.days = std::move(days);
    return s;
}

TEST(Calendar, DailySlotIsAtItsLocalTime) {
    const auto morning = daily("Sáng", 5h + 30min);
    // 29/11/2026 10:00 local = 03:00 UTC; next 05:30 local is 30/11 = 29/11 22:30 UTC.
    const auto after = from_utc_text("2026-11-29T03:00:00.000Z");
    EXPECT_EQ(lp::scheduler::next_start(morning, after, vn, after), from_utc_text("2026-11-29T22:30:00.000Z"));
    // Exactly at the start it is the next day's (strictly after).
    EXPECT_EQ(lp::scheduler::next_start(morning, from_utc_text("2026-11-29T22:30:00.000Z"), vn, after),
              from_utc_text("2026-11-30T22:30:00.000Z"));
}

TEST(Calendar, WeekdaysAreLocalWeekdays) {
    // Mondays only (1). Sunday 29/11/2026 23:00 local is Sunday; next Monday 05:30 is 30/11 local.
    const auto monday = daily("Thứ hai", 5h + 30min, {1});
    const auto sunday_night = from_utc_text("2026-11-29T16:00:00.000Z");  // 23:00 local Sunday
    EXPECT_EQ(lp::scheduler::next_start(monday, sunday_night, vn, sunday_night),
              from_utc_text("2026-11-29T22:30:00.000Z"));
    // Just after Monday's airing, the next is a week later.
    EXPECT_EQ(lp::scheduler::next_start(monday, from_utc_text("2026-11-29T22:30:01.000Z"), vn, sunday_night),
              from_utc_text("2026-12-06T22:30:00.000Z"));
}

TEST(Calendar, ZoneIsNotAFixedOffset) {
    // The same rule in a zone with daylight saving follows its offset change.
    const auto* paris = lp::domain::zone("Europe/Paris");
    const auto slot = daily("Matin", 6h);
    EXPECT_EQ(lp::scheduler::next_start(slot, from_utc_text("2026-03-28T12:00:00.000Z"), paris, {}),
              from_utc_text("2026-03-29T04:00:00.000Z"));  // CEST (+2) from that night
    EXPECT_EQ(lp::scheduler::next_start(slot, from_utc_text("2026-03-27T12:00:00.000Z"), paris, {}),
              from_utc_text("2026-03-28T05:00:00.000Z"));  // CET (+1)
}

TEST(Calendar, RelativeSlotAirsOnceAfterDaemonStart) {
    Slot demo;
    demo.relative_start = 60s;
    const auto start = from_utc_text("2026-11-29T03:00:00.000Z");
    EXPECT_EQ(lp::scheduler::next_start(demo, start, vn, start), start + 60s);
    EXPECT_EQ(lp::scheduler::next_start(demo, start + 60s, vn, start), std::nullopt);
}

TEST(Calendar, NextOccurrencePicksTheEarliestSlot) {
    const std::vector<Slot> slots{daily("Chiều", 17h), daily("Sáng", 5h + 30min)};
    const auto after = from_utc_text("2026-11-29T03:00:00.000Z");  // 10:00 local
    const auto next = lp::scheduler::next_occurrence(slots, after, vn, after);
    ASSERT_TRUE(next);
    EXPECT_EQ(next->slot, 0u);
    EXPECT_EQ(next->at, from_utc_text("2026-11-29T10:00:00.000Z"));
    const auto then = lp::scheduler::next_occurrence(slots, next->at, vn, after);
    ASSERT_TRUE(then);
    EXPECT_EQ(then->slot, 1u);
    EXPECT_FALSE(lp::scheduler::next_occurrence({daily("Không ngày nào", 5h, {})}, after, vn, after));
}

TEST(Calendar, DateRangeAndSkippedDaysAreHonoured) {
    auto slot = daily("Tết", 5h + 30min);
    slot.first_day = lp::domain::LocalDate{2026, 12, 1};
    slot.last_day = lp::domain::LocalDate{2026, 12, 3};
    slot.skipped_days = {{2026, 12, 2}};
    const auto from = from_utc_text("2026-11-29T03:00:00.000Z");
    const auto all = lp::scheduler::occurrences_between({slot}, from, from + std::chrono::days{30}, vn, from);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].at, from_utc_text("2026-11-30T22:30:00.000Z"));  // 01/12 05:30 local
    EXPECT_EQ(all[1].at, from_utc_text("2026-12-02T22:30:00.000Z"));  // 03/12; 02/12 skipped
    EXPECT_FALSE(lp::scheduler::airs_on(slot, {2026, 12, 2}));
    EXPECT_TRUE(lp::scheduler::airs_on(slot, {2026, 12, 3}));
}

TEST(Calendar, OccurrencesBetweenIsHalfOpenAndOrdered) {
    const std::vector<Slot> slots{daily("Chiều", 17h), daily("Sáng", 5h + 30min)};
    const auto from = from_utc_text("2026-11-29T10:00:00.000Z");  // exactly 17:00 local: excluded
    const auto all = lp::scheduler::occurrences_between(slots, from, from + std::chrono::days{1}, vn, from);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].slot, 1u);
    EXPECT_EQ(all[1].slot, 0u);
    EXPECT_EQ(all[1].at, from + std::chrono::days{1});  // included at the end
}

}  // namespace
