// The journal query: rows with ids in a period, filters, paging; bad filters refused.

#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "journal/LiveRecord.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

void add_row(lp::test::TestServices& s, const std::string& at, const std::string& title, const std::string& topic,
             const std::string& status) {
    s.database()
        .prepare(
            "INSERT INTO journal (scheduled_at, started_at, title, topic, form, slot, outputs, status) "
            "VALUES (?, ?, ?, ?, 'tin', 'Sáng', 'loa-chinh', ?)")
        .bind(1, at)
        .bind(2, at)
        .bind(3, title)
        .bind(4, topic)
        .bind(5, status)
        .run();
}

TEST(JournalApi, ListsRowsWithIdsFilteredAndPaged) {
    lp::test::TestServices s;
    add_row(s, "2026-03-01T23:30:00.000Z", "Một", "a", "completed");  // 02/03 06:30 in Hà Nội time
    add_row(s, "2026-03-02T10:00:00.000Z", "Hai", "e", "failed");
    add_row(s, "2026-03-05T10:00:00.000Z", "Ba", "a", "completed");
    auto r = run(s, "GET", "/api/journal", call("GET", "", nullptr, {{"from", "02/03/2026"}, {"to", "02/03/2026"}}));
    ASSERT_EQ(r.body["total"], 2);
    EXPECT_EQ(r.body["rows"][0]["title"], "Một");
    EXPECT_EQ(r.body["rows"][0]["date"], "02/03/2026");
    EXPECT_TRUE(r.body["rows"][0]["id"].is_number_integer());
    r = run(s, "GET", "/api/journal", call("GET", "", nullptr, {{"period", "2026-03"}, {"topic", "a"}}));
    EXPECT_EQ(r.body["total"], 2);
    r = run(s, "GET", "/api/journal", call("GET", "", nullptr, {{"period", "2026Q1"}, {"status", "failed"}}));
    ASSERT_EQ(r.body["total"], 1);
    EXPECT_EQ(r.body["rows"][0]["title"], "Hai");
    r = run(s, "GET", "/api/journal",
            call("GET", "", nullptr, {{"period", "2026"}, {"offset", "1"}, {"limit", "1"}, {"kind", "auto"}}));
    EXPECT_EQ(r.body["total"], 3);
    ASSERT_EQ(r.body["rows"].size(), 1u);
    EXPECT_EQ(r.body["rows"][0]["title"], "Hai");
}

// A live airing's row carries how it went (planned against relayed seconds, each dropout with
// its time and length, the fallback); other rows say "live": null.
TEST(JournalApi, ALiveRowCarriesPlannedAndRelayedSecondsItsDropoutsAndFallback) {
    lp::test::TestServices s;
    add_row(s, "2026-03-02T10:00:00.000Z", "Thời sự VOV1", "a", "interrupted");
    add_row(s, "2026-03-02T11:00:00.000Z", "Bản tin", "a", "completed");
    auto id = s.database().prepare("SELECT id FROM journal WHERE title = 'Thời sự VOV1'");
    ASSERT_TRUE(id.step());
    const auto live_row = id.integer(0);
    lp::journal::save_live(
        s.database(), live_row,
        {"tiep_song",
         "http://127.0.0.1:8000/vov1",
         std::chrono::milliseconds{300000},
         std::chrono::milliseconds{288500},
         "thong-bao.mp3",
         {{lp::domain::from_utc_text("2026-03-02T10:02:00.000Z"), std::chrono::milliseconds{11500}}}});
    const auto r =
        run(s, "GET", "/api/journal", call("GET", "", nullptr, {{"from", "02/03/2026"}, {"to", "02/03/2026"}}));
    ASSERT_EQ(r.body["total"], 2);
    const auto& live = r.body["rows"][0]["live"];
    EXPECT_EQ(live["kind"], "tiep_song");
    EXPECT_EQ(live["label"], "Tiếp sóng");
    EXPECT_EQ(live["source"], "http://127.0.0.1:8000/vov1");
    EXPECT_EQ(live["planned_s"], 300.0);
    EXPECT_EQ(live["relayed_s"], 288.5);
    EXPECT_EQ(live["fallback"], "thong-bao.mp3");
    ASSERT_EQ(live["dropouts"].size(), 1u);
    EXPECT_EQ(live["dropouts"][0]["time"], "17:02:00");
    EXPECT_EQ(live["dropouts"][0]["date"], "02/03/2026");
    EXPECT_EQ(live["dropouts"][0]["length_s"], 11.5);
    EXPECT_TRUE(r.body["rows"][1]["live"].is_null());
    const auto one = run(s, "GET", "/api/journal/{id}", call("GET", "", nullptr, {{"id", std::to_string(live_row)}}));
    EXPECT_EQ(one.body["live"]["relayed_s"], 288.5);
}

TEST(JournalApi, RefusesBadFilters) {
    lp::test::TestServices s;
    const auto bad = [&](std::map<std::string, std::string> p, const std::string& field) {
        expect_refused(s, "GET", "/api/journal", call("GET", "", nullptr, std::move(p)), 422, field);
    };
    bad({{"from", "31/02/2026"}}, "from");
    bad({{"from", "02/03/2026"}, {"to", "01/03/2026"}}, "to");
    bad({{"period", "2026Q5"}}, "period");
    bad({{"topic", "zz"}}, "topic");
    bad({{"form", "x"}}, "form");
    bad({{"status", "ok"}}, "status");
    bad({{"kind", "robot"}}, "kind");
    bad({{"limit", "0"}}, "limit");
    bad({{"offset", "-1"}}, "offset");
}

}  // namespace
