#include "config/TimeText.hpp"

#include <gtest/gtest.h>

namespace lp::config {
namespace {

using namespace std::chrono_literals;

TEST(Duration, AcceptsUnitsInOrder) {
    EXPECT_EQ(parse_duration("90s"), 90s);
    EXPECT_EQ(parse_duration("15m"), 15min);
    EXPECT_EQ(parse_duration("1h"), 1h);
    EXPECT_EQ(parse_duration("1h30m"), 90min);
    EXPECT_EQ(parse_duration("2h0m15s"), 2h + 15s);
    EXPECT_EQ(parse_duration("1H30M"), 90min);
    EXPECT_EQ(parse_duration("0s"), 0s);
}

TEST(Duration, RejectsMalformed) {
    for (const char* bad :
         {"", "90", "s", "m30", "30m1h", "1h1h", "1.5h", "15 m", "-5m", "5x", "+5m", "1h30", "9999999999s", "100001h"})
        EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
}

TEST(TimeOfDay, AcceptsWithAndWithoutSeconds) {
    EXPECT_EQ(parse_time_of_day("05:30"), 5h + 30min);
    EXPECT_EQ(parse_time_of_day("5:30"), 5h + 30min);
    EXPECT_EQ(parse_time_of_day("17:45:15"), 17h + 45min + 15s);
    EXPECT_EQ(parse_time_of_day("00:00"), 0s);
    EXPECT_EQ(parse_time_of_day("23:59:59"), 23h + 59min + 59s);
}

TEST(TimeOfDay, RejectsOutOfRangeAndMalformed) {
    for (const char* bad : {"", "24:00", "25:00", "12:60", "12:00:60", "12", "12:5", "123:00", "12:00:", "12:00:00:00",
                            "12h30", " 12:00", "12:00 ", "-1:00"})
        EXPECT_FALSE(parse_time_of_day(bad).has_value()) << bad;
}

TEST(Weekday, EnglishAndVietnamese) {
    EXPECT_EQ(parse_weekday("sun"), 0u);
    EXPECT_EQ(parse_weekday("mon"), 1u);
    EXPECT_EQ(parse_weekday("Sat"), 6u);
    EXPECT_EQ(parse_weekday("cn"), 0u);
    EXPECT_EQ(parse_weekday("CN"), 0u);
    EXPECT_EQ(parse_weekday("t2"), 1u);
    EXPECT_EQ(parse_weekday("T7"), 6u);
    for (const char* bad : {"", "t1", "t8", "monday", "lun", "thứ 2"})
        EXPECT_FALSE(parse_weekday(bad).has_value()) << bad;
}

}  // namespace
}  // namespace lp::config
