// Slots and the plan preview through the API on a real database: a slot saved and listed in
// the page's shape, overlaps with another slot answered 409 with the warnings unless forced, a
// dry run that saves nothing, every bad field refused naming it with nothing changed, removal,
// and the preview of a fixed day and week with the reason for each pick.

#include <gtest/gtest.h>

#include "library/ItemStore.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::auth::Role;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

lp::api::Call put(const std::string& name, nlohmann::json body, Role role = Role::operator_) {
    return call("PUT", "/api/slots/" + name, std::move(body), {{"name", name}}, role);
}

nlohmann::json slots_of(lp::test::TestServices& s) {
    return run(s, "GET", "/api/slots", call("GET", "/api/slots")).body["slots"];
}

TEST(ScheduleApi, SavesASlotAndListsItInThePagesShape) {
    lp::test::TestServices s;
    const auto jingle = s.import_tone(700, "Nhạc hiệu");
    const auto news = s.import_tone(710, "Bản tin");
    lp::library::ItemStore(s.database()).approve(jingle, "hoa");
    lp::library::ItemStore(s.database()).approve(news, "hoa");
    auto r = run(
        s, "PUT", "/api/slots/{name}",
        put("Sáng",
            {{"start", "05:30"},
             {"days", "t2,t4,t6"},
             {"length", "30m"},
             {"from", "01/12/2026"},
             {"until", nullptr},
             {"skip", {"01/01/2027"}},
             {"outputs", {"loa-chinh"}},
             {"opening", jingle},
             {"items", {news}},
             {"pools", {{{"count", 2}, {"topics", {"e"}}, {"forms", {"tin"}}, {"tags", nlohmann::json::array()}}}}}));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body["saved"], true);
    EXPECT_EQ(s.rules_changed_count, 1);
    // Nothing in the library is of topic e: the pool picks nothing, and the page is told.
    ASSERT_EQ(r.body["warnings"].size(), 1u) << r.body.dump();
    EXPECT_NE(r.body["warnings"][0].get<std::string>().find("không chọn được gì"), std::string::npos);
    const nlohmann::json expected = {
        {"name", "Sáng"},
        {"start", "05:30"},
        {"days", {1, 3, 5}},
        {"length_s", 1800},
        {"from", "01/12/2026"},
        {"until", nullptr},
        {"skip", {"01/01/2027"}},
        {"outputs", {"loa-chinh"}},
        {"programme",
         {{{"kind", "opening"}, {"item", jingle}},
          {{"kind", "fixed"}, {"item", news}},
          {{"kind", "pool"}, {"count", 2}, {"topics", {"e"}}, {"forms", {"tin"}}, {"tags", nlohmann::json::array()}}}}};
    EXPECT_EQ(r.body["slot"], expected);
    const auto listed = slots_of(s);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0], expected);

    // The same name replaces it (days as numbers, as the page sends them).
    r = run(s, "PUT", "/api/slots/{name}",
            put("Sáng", {{"start", "06:00"}, {"days", {0, 6}}, {"length", "15m"}, {"items", {news}}}));
    EXPECT_EQ(r.body["saved"], true);
    EXPECT_TRUE(r.body["warnings"].empty()) << r.body.dump();
    const auto replaced = slots_of(s);
    ASSERT_EQ(replaced.size(), 1u);
    EXPECT_EQ(replaced[0]["start"], "06:00");
    EXPECT_EQ(replaced[0]["days"], nlohmann::json({0, 6}));
    EXPECT_EQ(replaced[0]["programme"].size(), 1u);
    EXPECT_EQ(s.count("programme_entry"), 1);
}

TEST(ScheduleApi, AnOverlapIsRefusedWithTheWarningsUnlessForcedAndADryRunSavesNothing) {
    lp::test::TestServices s;
    const auto news = s.import_tone(720, "Bản tin");
    lp::library::ItemStore(s.database()).approve(news, "hoa");
    run(s, "PUT", "/api/slots/{name}",
        put("Sớm", {{"start", "05:00"}, {"days", "t2"}, {"length", "45m"}, {"items", {news}}}));
    const nlohmann::json body = {{"start", "05:30"}, {"days", "t2,t3"}, {"length", "30m"}, {"items", {news}}};
    const std::string warning = "Khung giờ \"Sáng\" (05:30–06:00) trùng giờ với \"Sớm\" (05:00–05:45) vào thứ Hai.";
    const auto before = s.rules_changed_count;

    auto dry = body;
    dry["dry_run"] = true;
    auto r = run(s, "PUT", "/api/slots/{name}", put("Sáng", dry));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body["saved"], false);
    EXPECT_EQ(r.body["warnings"], nlohmann::json({warning}));
    EXPECT_EQ(s.count("slot"), 1);
    EXPECT_EQ(s.rules_changed_count, before);

    r = run(s, "PUT", "/api/slots/{name}", put("Sáng", body));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(r.body["error"]["field"], "");
    EXPECT_NE(r.body["error"]["message"].get<std::string>().find("trùng giờ"), std::string::npos);
    EXPECT_EQ(r.body["error"]["warnings"], nlohmann::json({warning}));
    EXPECT_EQ(s.count("slot"), 1);
    EXPECT_EQ(s.rules_changed_count, before);

    auto forced = body;
    forced["force"] = true;
    forced["dry_run"] = false;
    r = run(s, "PUT", "/api/slots/{name}", put("Sáng", forced));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body["saved"], true);
    EXPECT_EQ(r.body["warnings"], nlohmann::json({warning}));
    EXPECT_EQ(s.count("slot"), 2);
    EXPECT_EQ(s.rules_changed_count, before + 1);
}

TEST(ScheduleApi, RefusesEachBadFieldNamingItAndChangesNothing) {
    lp::test::TestServices s;
    const auto news = s.import_tone(730, "Bản tin");
    run(s, "PUT", "/api/slots/{name}", put("Sáng", {{"start", "05:30"}, {"items", {news}}}));
    const auto saved = slots_of(s);
    const auto changes = s.rules_changed_count;
    const nlohmann::json good = {{"start", "07:00"}, {"items", {news}}};
    const auto bad = [&](const std::string& field, const nlohmann::json& value, int status, const std::string& at,
                         const std::string& name = "Sáng") {
        auto body = good;
        if (value.is_null())
            body.erase(field);
        else
            body[field] = value;
        SCOPED_TRACE(field + " = " + value.dump());
        expect_refused(s, "PUT", "/api/slots/{name}", put(name, body), status, at);
    };
    bad("start", nullptr, 400, "start");
    bad("start", 530, 400, "start");
    bad("start", "25:00", 422, "start");
    bad("start", "sáng", 422, "start");
    bad("days", "t9", 422, "days");
    bad("days", nlohmann::json::array(), 422, "days");
    bad("days", {1, 7}, 422, "days");
    bad("days", {"t2"}, 400, "days");
    bad("days", 3, 400, "days");
    bad("length", "mãi", 422, "length");
    bad("length", "0s", 422, "length");
    bad("length", "25h", 422, "length");
    bad("length", 30, 400, "length");
    bad("from", "31/02/2026", 422, "from");
    bad("until", "2026-13-01", 422, "until");
    bad("skip", {"01/01/2027", "hôm nay"}, 422, "skip");
    bad("skip", "01/01/2027", 400, "skip");
    bad("outputs", {"loa-khong-co"}, 422, "outputs");
    bad("outputs", {"../loa"}, 422, "outputs");
    bad("items", nlohmann::json::array(), 422, "items");
    bad("items", {news, 9999}, 404, "items");
    bad("items", {"một"}, 400, "items");
    bad("items", news, 400, "items");
    bad("opening", 9999, 404, "opening");
    bad("closing", 9999, 404, "closing");
    bad("opening", "nhạc", 400, "opening");
    bad("pools", {{{"count", 0}}}, 422, "pools");
    bad("pools", {{{"count", 51}}}, 422, "pools");
    bad("pools", {{{"count", 1}, {"topics", {"zz"}}}}, 422, "pools");
    bad("pools", {{{"count", 1}, {"forms", {"tho"}}}}, 422, "pools");
    bad("pools", {{{"count", "hai"}}}, 400, "pools");
    bad("pools", {{{"count", 1}, {"tags", "tet"}}}, 400, "pools");
    bad("pools", {"2:e"}, 400, "pools");
    bad("dry_run", "yes", 400, "dry_run");
    bad("force", 1, 400, "force");
    bad("start", "07:00", 422, "name", "../Sáng");
    bad("start", "07:00", 422, "name", "");
    bad("start", "07:00", 422, "name", std::string(101, 'x'));
    {
        auto body = good;
        body["from"] = "10/12/2026";
        body["until"] = "01/12/2026";
        expect_refused(s, "PUT", "/api/slots/{name}", put("Sáng", body), 422, "until");
    }
    expect_refused(s, "PUT", "/api/slots/{name}", put("Sáng", nlohmann::json::array({1})), 400, "");
    EXPECT_EQ(slots_of(s), saved);
    EXPECT_EQ(s.count("slot"), 1);
    EXPECT_EQ(s.count("programme_entry"), 1);
    EXPECT_EQ(s.rules_changed_count, changes);
}

TEST(ScheduleApi, RemovesASlotByNameAndSaysWhenThereIsNone) {
    lp::test::TestServices s;
    const auto news = s.import_tone(740, "Bản tin");
    run(s, "PUT", "/api/slots/{name}", put("Chiều", {{"start", "17:00"}, {"items", {news}}}));
    const auto changes = s.rules_changed_count;
    auto r = run(s, "DELETE", "/api/slots/{name}", call("DELETE", "", nullptr, {{"name", "Chiều"}}));
    EXPECT_EQ(r.body["removed"], "Chiều");
    EXPECT_EQ(s.rules_changed_count, changes + 1);
    EXPECT_EQ(s.count("slot"), 0);
    EXPECT_EQ(s.count("programme_entry"), 0);
    expect_refused(s, "DELETE", "/api/slots/{name}", call("DELETE", "", nullptr, {{"name", "Chiều"}}), 404, "name");
    EXPECT_EQ(s.rules_changed_count, changes + 1);
}

// 01/12/2026 is a Tuesday. "Sáng" airs every day at 05:30: the opening jingle, the news, an
// item nobody approved (left out) and one pick from the pool of topic e; a priority one-off
// of 05:00 joins it on the first day.
struct SchedulePreviewApi : ::testing::Test {
    lp::test::TestServices s;
    std::int64_t jingle = 0, news = 0, pending = 0, e1 = 0, e2 = 0;

    void SetUp() override {
        jingle = s.import_tone(800, "Nhạc hiệu");
        news = s.import_tone(810, "Bản tin");
        pending = s.import_tone(820, "Tin chưa duyệt");
        e1 = s.import_tone(830, "Tiêm chủng 1");
        e2 = s.import_tone(840, "Tiêm chủng 2");
        lp::library::ItemStore items(s.database());
        for (const auto id : {jingle, news, e1, e2}) items.approve(id, "hoa");
        for (const auto id : {e1, e2})
            run(s, "PATCH", "/api/media/{id}", call("PATCH", "", {{"topics", {"e"}}}, {{"id", std::to_string(id)}}));
        run(s, "PUT", "/api/slots/{name}",
            put("Sáng", {{"start", "05:30"},
                         {"length", "30m"},
                         {"opening", jingle},
                         {"items", {news, pending}},
                         {"pools", {{{"count", 1}, {"topics", {"e"}}}}},
                         {"force", true}}));
        run(s, "POST", "/api/oneoffs",
            call("POST", "", {{"item", e2}, {"at", "01/12/2026 05:00"}, {"priority", "uu-tien"}}));
    }

    nlohmann::json preview(std::map<std::string, std::string> params) {
        return run(s, "GET", "/api/schedule", call("GET", "/api/schedule", nullptr, std::move(params))).body;
    }
};

TEST_F(SchedulePreviewApi, ADayShowsEachPickWithItsTimeAndReasonAndWhatIsLeftOut) {
    const auto p = preview({{"date", "01/12/2026"}});
    ASSERT_EQ(p["days"].size(), 1u) << p.dump();
    const auto& day = p["days"][0];
    EXPECT_EQ(day["date"], "01/12/2026");
    const auto& e = day["entries"];
    ASSERT_EQ(e.size(), 4u) << day.dump();
    const auto entry = [](std::string cue_time, std::int64_t item, std::string title, std::string reason,
                          nlohmann::json priority) {
        return nlohmann::json{{"time", "05:30"}, {"cue_time", cue_time}, {"slot", "Sáng"},   {"item", item},
                              {"title", title},  {"length_s", 1.0},      {"reason", reason}, {"priority", priority}};
    };
    EXPECT_EQ(e[0], entry("05:30:00", jingle, "Nhạc hiệu", "nhạc hiệu mở đầu", nullptr));
    EXPECT_EQ(e[1], entry("05:30:01", e2, "Tiêm chủng 2", "phát đột xuất, ưu tiên", "uu-tien"));
    EXPECT_EQ(e[2], entry("05:30:02", news, "Bản tin", "tin cố định của khung giờ", nullptr));
    EXPECT_EQ(e[3], entry("05:30:03", e1, "Tiêm chủng 1", "chọn từ kho: 0 lượt trong 30 ngày qua, chưa phát lần nào",
                          nullptr));
    ASSERT_EQ(day["skipped"].size(), 1u);
    EXPECT_EQ(day["skipped"][0]["item"], pending);
    EXPECT_EQ(day["skipped"][0]["reason"], "\"Tin chưa duyệt\" chưa được duyệt");
    ASSERT_EQ(day["warnings"].size(), 1u);
    EXPECT_NE(day["warnings"][0].get<std::string>().find("chỉ có"), std::string::npos);
}

TEST_F(SchedulePreviewApi, AWeekIsSevenDaysFromTheDateAndTheRotationMovesOn) {
    const auto p = preview({{"week", "01/12/2026"}});
    ASSERT_EQ(p["days"].size(), 7u);
    EXPECT_EQ(p["days"][0]["date"], "01/12/2026");
    EXPECT_EQ(p["days"][6]["date"], "07/12/2026");
    for (const auto& day : p["days"]) EXPECT_FALSE(day["entries"].empty()) << day["date"];
    // Day 2: no one-off; the pool picks the item aired longest ago (e2 at 05:30:01 on day 1).
    const auto& d2 = p["days"][1]["entries"];
    ASSERT_EQ(d2.size(), 3u);
    EXPECT_EQ(d2[2]["item"], e2);
    EXPECT_EQ(d2[2]["reason"], "chọn từ kho: 1 lượt trong 30 ngày qua, lần cuối 01/12/2026");
}

TEST_F(SchedulePreviewApi, RefusesABadDateOrWeekOrBoth) {
    expect_refused(s, "GET", "/api/schedule", call("GET", "", nullptr, {{"date", "32/12/2026"}}), 422, "date");
    expect_refused(s, "GET", "/api/schedule", call("GET", "", nullptr, {{"week", "tuần sau"}}), 422, "week");
    expect_refused(s, "GET", "/api/schedule",
                   call("GET", "", nullptr, {{"date", "01/12/2026"}, {"week", "01/12/2026"}}), 422, "week");
}

TEST_F(SchedulePreviewApi, WithoutADateItIsToday) {
    const auto p = preview({});
    ASSERT_EQ(p["days"].size(), 1u);
    EXPECT_FALSE(p["days"][0]["entries"].empty());
}

}  // namespace
