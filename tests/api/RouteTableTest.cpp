// The route table the role matrix iterates: every route unique, under /api, with the
// permission docs/api.md gives it; long work on workers; and GET /api/status.

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "api/Routes.hpp"
#include "http/Router.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::auth::Permission;

// (method, pattern, permission, on_worker): the documented table.
const std::vector<std::tuple<std::string, std::string, Permission, bool>> documented{
    {"GET", "/api/media", Permission::read, false},
    {"POST", "/api/media", Permission::library, true},
    {"POST", "/api/media/say", Permission::library, true},
    {"GET", "/api/media/{id}", Permission::read, false},
    {"GET", "/api/media/{id}/audio", Permission::read, false},
    {"PATCH", "/api/media/{id}", Permission::library, false},
    {"POST", "/api/media/{id}/tags", Permission::library, false},
    {"POST", "/api/media/{id}/approve", Permission::approve, false},
    {"POST", "/api/media/{id}/reject", Permission::approve, false},
    {"POST", "/api/media/{id}/revoke", Permission::approve, false},
    {"POST", "/api/media/{id}/retire", Permission::library, false},
    {"GET", "/api/journal", Permission::read, false},
    {"GET", "/api/journal/verify", Permission::read, true},
    {"GET", "/api/journal/export", Permission::read, true},
    {"POST", "/api/journal/manual", Permission::journal, false},
    {"GET", "/api/journal/{id}", Permission::read, false},
    {"POST", "/api/journal/{id}/correct", Permission::journal, false},
    {"GET", "/api/oneoffs", Permission::read, false},
    {"POST", "/api/oneoffs", Permission::library, false},
    {"DELETE", "/api/oneoffs/{id}", Permission::library, false},
    {"POST", "/api/player/stop", Permission::library, false},
    {"POST", "/api/player/play-next", Permission::library, false},
    {"POST", "/api/emergency", Permission::emergency, true},
    {"GET", "/api/emergency/requests", Permission::read, false},
    {"POST", "/api/live", Permission::emergency, false},
    {"DELETE", "/api/live", Permission::emergency, false},
    {"GET", "/api/live", Permission::read, false},
    {"POST", "/api/emergency/requests/{id}/confirm", Permission::approve, false},
    {"POST", "/api/emergency/requests/{id}/refuse", Permission::approve, false},
    {"GET", "/api/reports", Permission::read, false},
    {"GET", "/api/reports/{name}", Permission::read, false},
    {"POST", "/api/reports", Permission::library, true},
    {"GET", "/api/report-filing", Permission::read, false},
    {"PUT", "/api/report-filing", Permission::library, false},
    {"GET", "/api/slots", Permission::read, false},
    {"PUT", "/api/slots/{name}", Permission::library, false},
    {"DELETE", "/api/slots/{name}", Permission::library, false},
    {"GET", "/api/schedule", Permission::read, false},
    {"GET", "/api/settings/organisation", Permission::read, false},
    {"PUT", "/api/settings/organisation", Permission::settings, false},
    {"GET", "/api/status", Permission::read, false},
    {"GET", "/api/vocabulary", Permission::read, false},
    {"GET", "/api/feedback", Permission::read, false},
    {"GET", "/api/feedback/pending", Permission::approve, false},
    {"POST", "/api/feedback", Permission::library, false},
    {"POST", "/api/feedback/{id}/approve", Permission::approve, false},
    {"POST", "/api/feedback/{id}/reject", Permission::approve, false},
    {"GET", "/api/interest", Permission::read, true},
};

TEST(RouteTable, MatchesTheDocumentedTable) {
    lp::test::TestServices s;
    const auto routes = lp::api::routes(s);
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& r : routes) {
        EXPECT_TRUE(seen.emplace(r.method, r.pattern).second) << "twice: " << r.method << ' ' << r.pattern;
        EXPECT_TRUE(r.pattern.starts_with("/api/")) << r.pattern;
        EXPECT_TRUE(r.handler) << r.pattern;
        EXPECT_EQ(r.upload, r.method == "POST" && r.pattern == "/api/media") << r.pattern;
        const auto it = std::ranges::find_if(
            documented, [&](const auto& d) { return std::get<0>(d) == r.method && std::get<1>(d) == r.pattern; });
        ASSERT_NE(it, documented.end()) << "undocumented: " << r.method << ' ' << r.pattern;
        EXPECT_EQ(std::get<2>(*it), r.permission) << r.method << ' ' << r.pattern;
        EXPECT_EQ(std::get<3>(*it), r.on_worker) << r.method << ' ' << r.pattern;
    }
    EXPECT_EQ(routes.size(), documented.size());
}

TEST(RouteTable, TheJournalsFixedPathsAreNotTakenForAnId) {
    lp::test::TestServices s;
    const lp::http::Router router(lp::api::routes(s));
    const auto pattern = [&](std::string_view method, std::string_view target) {
        const auto m = router.match(method, target);
        return m.route ? m.route->pattern : std::string("-");
    };
    EXPECT_EQ(pattern("GET", "/api/journal/verify"), "/api/journal/verify");
    EXPECT_EQ(pattern("GET", "/api/journal/export?period=2026Q1&format=xlsx"), "/api/journal/export");
    EXPECT_EQ(pattern("POST", "/api/journal/manual"), "/api/journal/manual");
    EXPECT_EQ(pattern("GET", "/api/journal/311"), "/api/journal/{id}");
    EXPECT_EQ(pattern("POST", "/api/journal/311/correct"), "/api/journal/{id}/correct");
    EXPECT_EQ(pattern("POST", "/api/reports"), "/api/reports");
}

TEST(StatusApi, SaysWhatPlaysWhatIsNextTheOutputsAndTheNextReport) {
    lp::test::TestServices s;
    s.playing = {{"title", "Bản tin"}, {"item", 1}, {"position_s", 3.5}, {"length_s", 60.0}};
    s.next = {{"slot", "Chiều"}, {"at", "2026-12-01T10:00:00.000Z"}};
    const auto r = lp::test::run(s, "GET", "/api/status", lp::test::call("GET", "/api/status"));
    EXPECT_EQ(r.body["playing"]["title"], "Bản tin");
    EXPECT_EQ(r.body["next"]["time"], "17:00");
    EXPECT_EQ(r.body["next"]["date"], "01/12/2026");
    EXPECT_EQ(r.body["outputs"][0]["state"], "ok");
    EXPECT_TRUE(r.body["failures"].empty());
    EXPECT_EQ(r.body["journal_waiting"], 0);
    EXPECT_TRUE(r.body["next_report"]["due"].is_string());
    EXPECT_EQ(r.body["emergency_requests"], 0);
}

}  // namespace
