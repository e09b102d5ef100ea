// The counting rules alone (pure): listen thresholds, byte coverage with overlaps and gaps, once
// per client, item, kind and day, the bound on memory; and the daily keyed client names.
#include <gtest/gtest.h>

#include "reach/DailyKey.hpp"
#include "reach/Tally.hpp"

namespace lp::reach {
namespace {

const domain::LocalDate day1{2026, 12, 1};
const domain::LocalDate day2{2026, 12, 2};

TEST(Tally, ListenThresholdIsThirtySecondsOrTheWholeFile) {
    EXPECT_EQ(listen_threshold(600'000, 60'000), 300'000u);
    EXPECT_EQ(listen_threshold(600'001, 60'000), 300'001u);  // rounded up
    EXPECT_EQ(listen_threshold(100'000, 30'000), 100'000u);
    EXPECT_EQ(listen_threshold(100'000, 10'000), 100'000u);
    EXPECT_EQ(listen_threshold(100'000, std::nullopt), 100'000u);
}

TEST(Tally, BytesAddUpAcrossOverlapsAndGapsOnce) {
    Tally t;
    EXPECT_FALSE(t.fetched(day1, "a", 7, 0, 100, 300));
    EXPECT_FALSE(t.fetched(day1, "a", 7, 50, 100, 300));   // 0..150
    EXPECT_FALSE(t.fetched(day1, "a", 7, 400, 100, 300));  // + 400..500: 250
    EXPECT_FALSE(t.fetched(day1, "b", 7, 0, 299, 300));    // another client
    EXPECT_FALSE(t.fetched(day1, "a", 8, 0, 299, 300));    // another item
    EXPECT_TRUE(t.fetched(day1, "a", 7, 150, 50, 300));    // 300
    EXPECT_FALSE(t.fetched(day1, "a", 7, 0, 1000, 300));   // already counted today
    EXPECT_TRUE(t.fetched(day2, "a", 7, 0, 300, 300));     // a new day
}

TEST(Tally, OncePerClientItemKindAndDay) {
    Tally t;
    EXPECT_TRUE(t.first(day1, "a", 0, Kind::feed));
    EXPECT_FALSE(t.first(day1, "a", 0, Kind::feed));
    EXPECT_TRUE(t.first(day1, "a", 0, Kind::qr));
    EXPECT_TRUE(t.first(day1, "a", 3, Kind::qr));
    EXPECT_TRUE(t.first(day1, "b", 0, Kind::feed));
    EXPECT_TRUE(t.first(day2, "a", 0, Kind::feed));
}

TEST(Tally, MemoryIsBoundedByUndercounting) {
    Tally t(3);
    EXPECT_TRUE(t.first(day1, "a", 0, Kind::feed));
    EXPECT_TRUE(t.first(day1, "b", 0, Kind::feed));
    EXPECT_FALSE(t.fetched(day1, "c", 1, 0, 1, 10));
    EXPECT_FALSE(t.first(day1, "d", 0, Kind::feed));  // full: not tracked, not counted
    EXPECT_FALSE(t.fetched(day1, "e", 1, 0, 10, 10));
    EXPECT_EQ(t.tracked(), 3u);
    EXPECT_TRUE(t.first(day2, "d", 0, Kind::feed));  // a new day starts empty
}

TEST(Tally, ScatteredBytesCannotGrowACoverageWithoutBound) {
    Tally t;
    for (std::uint64_t i = 0; i < 1000; ++i) EXPECT_FALSE(t.fetched(day1, "a", 1, i * 10, 1, 5000));
    // Only the first 64 separate spans were kept: the client undercounts, never overcounts.
    EXPECT_FALSE(t.fetched(day1, "a", 1, 0, 4900, 5000));
}

TEST(DailyKey, SameClientSameNameWithinADayNotAcrossDays) {
    DailyKey key;
    const auto a1 = key.client(day1, "203.0.113.7", "Phone");
    EXPECT_EQ(a1.size(), 32u);
    EXPECT_EQ(key.client(day1, "203.0.113.7", "Phone"), a1);
    EXPECT_NE(key.client(day1, "203.0.113.7", "Phone2"), a1);
    EXPECT_NE(key.client(day1, "203.0.113.8", "Phone"), a1);
    // Moving bytes between the parts makes another name.
    EXPECT_NE(key.client(day1, "203.0.113.7P", "hone"), a1);
    EXPECT_EQ(a1.find("203.0.113.7"), std::string::npos);
    const auto a2 = key.client(day2, "203.0.113.7", "Phone");
    EXPECT_NE(a2, a1);
    // Another process (another key) names the same client differently the same day.
    DailyKey other;
    EXPECT_NE(other.client(day1, "203.0.113.7", "Phone"), a1);
}

}  // namespace
}  // namespace lp::reach
