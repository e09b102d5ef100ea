// One-offs through the API: added in the caller's name at the three priorities, listed,
// cancelled; khẩn cấp only with the emergency permission; stop now names the account; bad
// inputs refused with nothing added.

#include <gtest/gtest.h>

#include "tests/api/TestServices.hpp"

namespace {

using lp::auth::Role;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

TEST(OneOffApi, AddsListsAndCancelsInTheCallersName) {
    lp::test::TestServices s;
    const auto item = s.import_tone(1400, "Thông báo");
    auto r = run(s, "POST", "/api/oneoffs",
                 call("POST", "", {{"item", item}, {"at", "01/12/2099 08:30"}, {"priority", "uu-tien"}}, {},
                      Role::operator_, "lan"));
    EXPECT_EQ(r.status, 201);
    const auto id = r.body["id"].get<std::int64_t>();
    EXPECT_TRUE(r.body["warning"].is_string());  // not approved yet
    EXPECT_EQ(s.rules_changed_count, 1);
    auto st = s.database().prepare("SELECT created_by FROM one_off WHERE id = ?");
    st.bind(1, id);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "lan");

    r = run(s, "GET", "/api/oneoffs", call("GET", ""));
    ASSERT_EQ(r.body["oneoffs"].size(), 1u);
    EXPECT_EQ(r.body["oneoffs"][0]["priority"], "uu-tien");
    EXPECT_EQ(r.body["oneoffs"][0]["at"]["time"], "08:30");
    EXPECT_EQ(r.body["oneoffs"][0]["at"]["date"], "01/12/2099");

    r = run(s, "DELETE", "/api/oneoffs/{id}", call("DELETE", "", nullptr, {{"id", std::to_string(id)}}));
    EXPECT_EQ(r.body["cancelled"], id);
    expect_refused(s, "DELETE", "/api/oneoffs/{id}", call("DELETE", "", nullptr, {{"id", std::to_string(id)}}), 404,
                   "id");
    r = run(s, "GET", "/api/oneoffs", call("GET", ""));
    EXPECT_TRUE(r.body["oneoffs"].empty());
}

TEST(OneOffApi, AnEmergencyOfAnUnapprovedItemIsNotWarnedAsUnapproved) {
    // The engine airs an emergency without approval, so "chưa được duyệt" would be untrue.
    lp::test::TestServices s;
    const auto item = s.import_tone(1400, "Thông báo khẩn");
    const auto r = run(s, "POST", "/api/oneoffs",
                       call("POST", "", {{"item", item}, {"at", "01/12/2099 08:30"}, {"priority", "khan-cap"}}, {},
                            Role::admin, "lan"));
    EXPECT_EQ(r.status, 201);
    EXPECT_TRUE(r.body["warning"].is_null()) << r.body.dump();
}

TEST(OneOffApi, RefusesBadInputsAddingNothing) {
    lp::test::TestServices s;
    const auto item = s.import_tone(1500, "Tin");
    const auto bad = [&](nlohmann::json body, int status, const std::string& field, Role role = Role::operator_) {
        expect_refused(s, "POST", "/api/oneoffs", call("POST", "", std::move(body), {}, role), status, field);
    };
    bad({{"at", "now"}}, 400, "item");
    bad({{"item", "một"}, {"at", "now"}}, 400, "item");
    bad({{"item", 999}, {"at", "now"}}, 404, "item");
    bad({{"item", item}}, 400, "at");
    bad({{"item", item}, {"at", "31/02/2026 08:00"}}, 422, "at");
    bad({{"item", item}, {"at", "now"}, {"priority", "gấp"}}, 422, "priority");
    bad({{"item", item}, {"at", "now"}, {"repeat", 0}}, 422, "repeat");
    bad({{"item", item}, {"at", "now"}, {"repeat", 2}, {"gap", "mai"}}, 422, "gap");
    bad({{"item", item}, {"at", "now"}, {"outputs", {"../loa"}}}, 422, "outputs");
    bad({{"item", item}, {"at", "now"}, {"priority", "khan-cap"}}, 403, "priority", Role::viewer);
    EXPECT_EQ(s.count("one_off"), 0);
    EXPECT_EQ(s.rules_changed_count, 0);
}

TEST(OneOffApi, StopNowNamesTheAccount) {
    lp::test::TestServices s;
    auto r = run(s, "POST", "/api/player/stop", call("POST", "", nullptr, {}, Role::operator_, "lan"));
    EXPECT_EQ(r.body["stopped"], false);
    s.playing = {{"title", "Bản tin"}};
    r = run(s, "POST", "/api/player/stop", call("POST", "", nullptr, {}, Role::operator_, "minh"));
    EXPECT_EQ(r.body["stopped"], true);
    EXPECT_EQ(s.stops, (std::vector<std::string>{"lan", "minh"}));
}

}  // namespace
