// Counting over real HTTP on a virtual clock: the 30-second rule, once per client and day
// across the daily key change, feed fetches and QR scans, and nothing personal in the database
// after traffic from known addresses and user agents.
#include <gtest/gtest.h>

#include <regex>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "reach/Counts.hpp"
#include "tests/reach/Fixture.hpp"

namespace lp::test {
namespace {

using reach::Kind;
using namespace std::chrono_literals;

class Counting : public ::testing::Test {
protected:
    domain::LocalDate today() { return domain::local_date(domain::zone("Asia/Ho_Chi_Minh"), f.clock.clock()()); }
    std::int64_t count(std::int64_t item, Kind kind, std::optional<domain::LocalDate> day = {}) {
        sqlite::Database db(f.database_path());
        return reach::count_of(db, day.value_or(today()), item, kind);
    }
    std::string audio(std::int64_t id) { return "/nghe/" + std::to_string(id); }
    Response fetch(std::int64_t id, std::uint64_t first, std::uint64_t last, const std::string& agent,
                   const std::string& from = "127.0.0.11") {
        return f.fetch_audio(
            audio(id),
            {{"Range", "bytes=" + std::to_string(first) + "-" + std::to_string(last)}, {"User-Agent", agent}}, from);
    }
    PublicFixture f;
};

TEST_F(Counting, AListenIsThirtySecondsFetchedOncePerClientAndDay) {
    const auto size = f.file_bytes(f.long_item).size();
    const auto needed = reach::listen_threshold(size, f.duration_ms(f.long_item));  // about half the file
    EXPECT_NEAR(static_cast<double>(needed), static_cast<double>(size) / 2.0, static_cast<double>(size) / 100.0);
    const std::string phone = "Phone-A";
    ASSERT_EQ(fetch(f.long_item, 0, 99'999, phone).result_int(), 206);
    ASSERT_EQ(fetch(f.long_item, 50'000, 149'999, phone).result_int(), 206);  // overlaps: 150 kB in all
    EXPECT_EQ(count(f.long_item, Kind::listen), 0);
    ASSERT_EQ(fetch(f.long_item, 150'000, needed - 2, phone).result_int(), 206);  // one byte short
    EXPECT_EQ(count(f.long_item, Kind::listen), 0);
    ASSERT_EQ(fetch(f.long_item, needed - 1, needed - 1, phone).result_int(), 206);
    EXPECT_EQ(count(f.long_item, Kind::listen), 1);
    // The rest of the file, and the whole file again: still one listen today.
    ASSERT_EQ(fetch(f.long_item, needed, size - 1, phone).result_int(), 206);
    ASSERT_EQ(f.fetch_audio(audio(f.long_item), {{"User-Agent", phone}}, "127.0.0.11").result_int(), 200);
    EXPECT_EQ(count(f.long_item, Kind::listen), 1);
    // Another phone on the same address (another agent) is another client; so is the same agent
    // elsewhere. A whole-file answer counts.
    ASSERT_EQ(f.fetch_audio(audio(f.long_item), {{"User-Agent", "Phone-B"}}, "127.0.0.11").result_int(), 200);
    EXPECT_EQ(count(f.long_item, Kind::listen), 2);
    ASSERT_EQ(fetch(f.long_item, 0, size - 1, phone, "127.0.0.12").result_int(), 206);
    EXPECT_EQ(count(f.long_item, Kind::listen), 3);
    // HEAD, 416 and a 404 fetch nothing.
    EXPECT_EQ(f.get(audio(f.long_item), {{"User-Agent", "Phone-C"}, {"Range", "bytes=99999999-"}}).result_int(), 416);
    EXPECT_EQ(count(f.long_item, Kind::listen), 3);
}

TEST_F(Counting, AnItemShorterThanThirtySecondsCountsWhenFetchedWhole) {
    const auto size = f.file_bytes(f.short_item).size();
    ASSERT_EQ(fetch(f.short_item, 0, size - 2, "Phone-A").result_int(), 206);
    EXPECT_EQ(count(f.short_item, Kind::listen), 0);
    ASSERT_EQ(fetch(f.short_item, size - 1, size - 1, "Phone-A").result_int(), 206);
    EXPECT_EQ(count(f.short_item, Kind::listen), 1);
    EXPECT_EQ(count(f.long_item, Kind::listen), 0);
}

TEST_F(Counting, OnceADayAcrossTheKeyChange) {
    const auto size = f.file_bytes(f.long_item).size();
    const auto day1 = today();
    ASSERT_EQ(fetch(f.long_item, 0, size - 1, "Phone-A").result_int(), 206);
    ASSERT_EQ(fetch(f.long_item, 0, size - 1, "Phone-A").result_int(), 206);
    EXPECT_EQ(count(f.long_item, Kind::listen, day1), 1);
    // Half of the threshold late in the day...
    f.clock.advance(8h + 50min);  // 08:00 UTC is 15:00 in Hanoi (UTC+7): now 23:50
    ASSERT_EQ(today(), day1);
    ASSERT_EQ(fetch(f.long_item, 0, size / 4, "Phone-B").result_int(), 206);
    // ...and the rest after midnight: a new key, a new client, nothing carried over.
    f.clock.advance(20min);
    const auto day2 = today();
    ASSERT_NE(day2, day1);
    ASSERT_EQ(fetch(f.long_item, size / 4 + 1, size / 2, "Phone-B").result_int(), 206);
    EXPECT_EQ(count(f.long_item, Kind::listen, day2), 0);
    EXPECT_EQ(count(f.long_item, Kind::listen, day1), 1);
    // Phone A again on the new day: counted again, on that day.
    ASSERT_EQ(fetch(f.long_item, 0, size - 1, "Phone-A").result_int(), 206);
    ASSERT_EQ(fetch(f.long_item, 0, size - 1, "Phone-A").result_int(), 206);
    EXPECT_EQ(count(f.long_item, Kind::listen, day2), 1);
    EXPECT_EQ(count(f.long_item, Kind::listen, day1), 1);
}

TEST_F(Counting, FeedFetchesAndQrScans) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(f.get("/rss.xml", {{"User-Agent", "Podcast-App"}}).result_int(), 200);
    EXPECT_EQ(count(0, Kind::feed), 1);
    ASSERT_EQ(f.get("/rss.xml", {{"User-Agent", "Other-App"}}).result_int(), 200);
    EXPECT_EQ(count(0, Kind::feed), 2);

    const std::string item = "/tin/" + std::to_string(f.long_item);
    ASSERT_EQ(f.get(item, {{"User-Agent", "Phone-A"}}).result_int(), 200);  // not from a QR code
    EXPECT_EQ(count(f.long_item, Kind::qr), 0);
    ASSERT_EQ(f.get(item + "?from=qr", {{"User-Agent", "Phone-A"}}).result_int(), 200);
    ASSERT_EQ(f.get(item + "?from=qr", {{"User-Agent", "Phone-A"}}).result_int(), 200);
    ASSERT_EQ(f.get(item + "?from=qr", {{"User-Agent", "Phone-B"}}).result_int(), 200);
    EXPECT_EQ(count(f.long_item, Kind::qr), 2);
    ASSERT_EQ(f.get("/?from=qr", {{"User-Agent", "Phone-A"}}).result_int(), 200);
    EXPECT_EQ(count(0, Kind::qr), 1);
    // The QR codes link there, tagged.
    f.get("/qr/" + std::to_string(f.long_item));
    EXPECT_EQ(count(f.long_item, Kind::qr), 2);
    EXPECT_EQ(count(0, Kind::listen), 0);
}

TEST_F(Counting, NothingPersonalInTheDatabase) {
    const std::vector<std::string> addresses{"127.0.0.21", "127.0.0.22", "127.0.0.23"};
    const std::vector<std::string> agents{"DienThoaiCuaBaNam/1.0 (Android 14; SM-A156)", "ZaloWebView-Ong-Tu/2.3"};
    const auto size = f.file_bytes(f.long_item).size();
    for (const auto& from : addresses) {
        for (const auto& agent : agents) {
            const std::map<std::string, std::string> h{{"User-Agent", agent}};
            ASSERT_EQ(f.get("/?from=qr", h, from).result_int(), 200);
            ASSERT_EQ(f.get("/tin/" + std::to_string(f.long_item) + "?from=qr", h, from).result_int(), 200);
            ASSERT_EQ(f.get("/rss.xml", h, from).result_int(), 200);
            ASSERT_EQ(fetch(f.long_item, 0, size - 1, agent, from).result_int(), 206);
        }
    }
    EXPECT_EQ(count(f.long_item, Kind::listen), 6);
    EXPECT_EQ(count(f.long_item, Kind::qr), 6);
    EXPECT_EQ(count(0, Kind::feed), 6);

    sqlite::Database db(f.database_path());
    std::vector<std::string> tables;
    for (auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'"); st.step();)
        tables.push_back(st.text(0));
    ASSERT_GT(tables.size(), 10u);
    const std::regex hash_like("[0-9a-f]{32}");
    std::size_t values = 0;
    for (const auto& table : tables) {
        auto st = db.prepare("SELECT * FROM \"" + table + "\"");
        while (st.step()) {
            for (int c = 0; c < st.column_count(); ++c) {
                if (st.is_null(c)) continue;
                const auto v = st.text(c);
                ++values;
                for (const auto& a : addresses) EXPECT_EQ(v.find(a), std::string::npos) << table << ": " << v;
                EXPECT_EQ(v.find("127.0.0.1"), std::string::npos) << table << ": " << v;
                for (const std::string part : {"DienThoai", "SM-A156", "ZaloWebView", "Ong-Tu"})
                    EXPECT_EQ(v.find(part), std::string::npos) << table << ": " << v;
                if (v.size() == 32) {
                    EXPECT_FALSE(std::regex_match(v, hash_like)) << table << ": " << v;
                }
            }
        }
    }
    EXPECT_GT(values, 50u);
}

}  // namespace
}  // namespace lp::test
