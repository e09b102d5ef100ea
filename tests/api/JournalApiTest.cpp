// The journal query: rows with ids in a period, filters, paging; bad filters refused.

#include <gtest/gtest.h>

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
