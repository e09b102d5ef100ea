#include <gtest/gtest.h>

#include <date/tz.h>

#include <stdexcept>

#include "domain/Time.hpp"

namespace {

using namespace std::chrono_literals;
using lp::domain::from_utc_text;
using lp::domain::to_utc_text;

TEST(Time, UtcTextRoundTripsToTheMillisecond) {
    const auto t = from_utc_text("2026-11-29T22:30:00.123Z");
    EXPECT_EQ(to_utc_text(t), "2026-11-29T22:30:00.123Z");
    EXPECT_EQ(from_utc_text("2026-01-01T00:00:00.000Z") - from_utc_text("2025-12-31T23:59:59.999Z"), 1ms);
}

TEST(Time, MalformedUtcTextIsRejectedNamingIt) {
    for (const char* bad : {"2026-02-30T00:00:00.000Z", "2026-11-29 22:30:00", "2026-11-29T22:30:00.000Zx",
                            "2026-11-29T25:00:00.000Z", ""}) {
        try {
            from_utc_text(bad);
            ADD_FAILURE() << bad;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos);
        }
    }
}

TEST(Time, LocalTextIsInTheWardsZone) {
    const auto* vn = lp::domain::zone("Asia/Ho_Chi_Minh");
    const auto t = from_utc_text("2026-03-31T22:30:05.000Z");
    EXPECT_EQ(lp::domain::local_date_text(vn, t), "01/04/2026");
    EXPECT_EQ(lp::domain::local_time_text(vn, t), "05:30:05");
    EXPECT_EQ(lp::domain::duration_text(3725s), "01:02:05");
    EXPECT_THROW(lp::domain::zone("Asia/Hanoi_Nowhere"), std::invalid_argument);
}

// The hand-written formatting (and its per-thread cache of the zone's period) writes exactly
// what date::format wrote, across Vietnam's old offsets and a zone with daylight saving,
// switching zones between calls.
TEST(Time, FastFormattingWritesWhatDateFormatWrote) {
    const date::time_zone* const zones[] = {lp::domain::zone("Asia/Ho_Chi_Minh"), lp::domain::zone("Europe/Berlin")};
    for (auto t = from_utc_text("1942-12-31T15:59:58.999Z"); t < from_utc_text("2031-01-01T00:00:00.000Z");
         t += 86'399'937ms) {
        for (const auto* tz : zones) {
            const auto zoned = date::make_zoned(tz, std::chrono::floor<std::chrono::seconds>(t));
            ASSERT_EQ(lp::domain::local_date_text(tz, t), date::format("%d/%m/%Y", zoned));
            ASSERT_EQ(lp::domain::local_time_text(tz, t), date::format("%H:%M:%S", zoned));
        }
        const auto text = date::format("%FT%TZ", std::chrono::floor<std::chrono::milliseconds>(t));
        ASSERT_EQ(to_utc_text(t), text);
        ASSERT_EQ(from_utc_text(text), std::chrono::floor<std::chrono::milliseconds>(t));
    }
    // Around a daylight-saving change, second by second.
    const auto* berlin = lp::domain::zone("Europe/Berlin");
    for (auto t = from_utc_text("2026-03-29T00:59:58.000Z"); t < from_utc_text("2026-03-29T01:00:03.000Z"); t += 1s)
        EXPECT_EQ(lp::domain::local_time_text(berlin, t),
                  date::format("%H:%M:%S", date::make_zoned(berlin, std::chrono::floor<std::chrono::seconds>(t))));
    // The lenient form sscanf accepted still parses.
    EXPECT_EQ(from_utc_text("2026-1-2T3:4:5.6Z"), from_utc_text("2026-01-02T03:04:05.006Z"));
}

TEST(Time, DatesParseInBothFormsAndRejectImpossibleDays) {
    EXPECT_EQ(lp::domain::parse_date("31/03/2026"), (lp::domain::LocalDate{2026, 3, 31}));
    EXPECT_EQ(lp::domain::parse_date("2026-03-31"), (lp::domain::LocalDate{2026, 3, 31}));
    EXPECT_FALSE(lp::domain::parse_date("31/02/2026"));
    EXPECT_FALSE(lp::domain::parse_date("2026-03-31x"));
    EXPECT_FALSE(lp::domain::parse_date("hôm nay"));
    EXPECT_EQ(lp::domain::next_day({2026, 12, 31}), (lp::domain::LocalDate{2027, 1, 1}));
    const auto* vn = lp::domain::zone("Asia/Ho_Chi_Minh");
    EXPECT_EQ(lp::domain::start_of_day(vn, {2026, 4, 1}), from_utc_text("2026-03-31T17:00:00.000Z"));
}

}  // namespace
