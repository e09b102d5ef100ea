// The one-step emergency through the API on a real database: an item or a text (spoken by the
// real espeak-ng and imported) ordered in the caller's name; with [http]
// emergency_needs_approver an operator's order waits for an approver, who confirms (the order
// then names both accounts, and so does the journal row of its airing) or refuses with a
// comment; play next; every bad input refused with nothing changed.

#include <gtest/gtest.h>

#include <chrono>

#include "domain/Time.hpp"
#include "journal/JournalStore.hpp"
#include "library/ItemStore.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::auth::Role;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

struct OneOffRow {
    std::int64_t item = 0;
    std::string priority;
    std::string outputs;
    std::string created_by;
    std::optional<std::string> approved_by;
    std::string at;
};

OneOffRow one_off(lp::test::TestServices& s, std::int64_t id) {
    auto st = s.database().prepare(
        "SELECT media_item_id, priority, outputs, created_by, approved_by, at FROM one_off WHERE id = ?");
    st.bind(1, id);
    EXPECT_TRUE(st.step()) << "no one_off " << id;
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.optional_text(4), st.text(5)};
}

// Everything an order could have changed.
std::vector<std::int64_t> order_counts(lp::test::TestServices& s) {
    return {s.count("one_off"), s.count("emergency_request"), s.count("media_item"), s.rules_changed_count};
}

TEST(EmergencyApi, AnItemAirsNowInTheCallersName) {
    lp::test::TestServices s;
    const auto item = s.import_tone(1600, "Thông báo khẩn");  // not approved: the order is the order to air
    const auto before = std::chrono::system_clock::now();
    const auto r = run(s, "POST", "/api/emergency",
                       call("POST", "", {{"item", item}, {"outputs", {"loa-chinh"}}}, {}, Role::operator_, "lan"));
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.body["item"], item);
    const auto o = one_off(s, r.body["oneoff"].get<std::int64_t>());
    EXPECT_EQ(o.item, item);
    EXPECT_EQ(o.priority, "emergency");
    EXPECT_EQ(o.outputs, "loa-chinh");
    EXPECT_EQ(o.created_by, "lan");
    EXPECT_FALSE(o.approved_by);
    const auto at = lp::domain::from_utc_text(o.at);
    EXPECT_GE(at, before - std::chrono::milliseconds(1));
    EXPECT_LE(at, std::chrono::system_clock::now());
    EXPECT_EQ(s.rules_changed_count, 1);
}

TEST(EmergencyApi, ATextIsSpokenAndImportedThenAired) {
    lp::test::TestServices s;
    const std::string text = "Bão số 9 sắp đổ bộ, bà con không ra biển.";
    const auto r = run(s, "POST", "/api/emergency", call("POST", "", {{"text", text}}, {}, Role::admin, "hoa"));
    EXPECT_EQ(r.status, 201);
    const auto item = r.body["item"].get<std::int64_t>();
    auto st = s.database().prepare("SELECT title, speech_text, form, duration_ms FROM media_item WHERE id = ?");
    st.bind(1, item);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), text);  // short: the whole text is the title
    EXPECT_EQ(st.text(1), text);
    EXPECT_EQ(st.text(2), "thong_bao");
    EXPECT_GT(st.integer(3), 1000);  // real speech, measured by the import
    const auto o = one_off(s, r.body["oneoff"].get<std::int64_t>());
    EXPECT_EQ(o.item, item);
    EXPECT_EQ(o.created_by, "hoa");
    EXPECT_EQ(o.outputs, "");  // all outputs
    EXPECT_EQ(s.rules_changed_count, 1);
}

TEST(EmergencyApi, AnOperatorsOrderWaitsForAnApproverWhoConfirmsIt) {
    lp::test::TestServices s;
    s.config_to_change().http.emergency_needs_approver = true;
    const auto item = s.import_tone(1700, "Cắt điện khẩn");
    auto r = run(s, "POST", "/api/emergency", call("POST", "", {{"item", item}}, {}, Role::operator_, "lan"));
    EXPECT_EQ(r.status, 202);
    EXPECT_EQ(r.body["state"], "waiting");
    const auto request = r.body["request"].get<std::int64_t>();
    EXPECT_EQ(s.count("one_off"), 0);  // nothing airs yet
    EXPECT_EQ(s.rules_changed_count, 0);

    r = run(s, "GET", "/api/emergency/requests", call("GET", "", nullptr, {}, Role::viewer));
    ASSERT_EQ(r.body["requests"].size(), 1u);
    const auto& listed = r.body["requests"][0];
    EXPECT_EQ(listed["id"], request);
    EXPECT_EQ(listed["item"], item);
    EXPECT_EQ(listed["title"], "Cắt điện khẩn");
    EXPECT_EQ(listed["by"], "lan");
    EXPECT_EQ(listed["state"], "waiting");
    EXPECT_TRUE(listed["at"]["utc"].is_string());
    EXPECT_TRUE(listed["decided_by"].is_null());

    const auto path = std::map<std::string, std::string>{{"id", std::to_string(request)}};
    r = run(s, "POST", "/api/emergency/requests/{id}/confirm", call("POST", "", nullptr, path, Role::approver, "minh"));
    EXPECT_EQ(r.status, 201);
    const auto oneoff = r.body["oneoff"].get<std::int64_t>();
    const auto o = one_off(s, oneoff);
    EXPECT_EQ(o.item, item);
    EXPECT_EQ(o.priority, "emergency");
    EXPECT_EQ(o.created_by, "lan");    // who ordered it
    EXPECT_EQ(o.approved_by, "minh");  // who approved the order
    EXPECT_EQ(s.rules_changed_count, 1);

    r = run(s, "GET", "/api/emergency/requests", call("GET", ""));
    EXPECT_EQ(r.body["requests"][0]["state"], "confirmed");
    EXPECT_EQ(r.body["requests"][0]["decided_by"], "minh");
    EXPECT_EQ(r.body["requests"][0]["oneoff"], oneoff);

    // Decided: a second confirmation or a refusal is a conflict, and changes nothing.
    const auto before = order_counts(s);
    expect_refused(s, "POST", "/api/emergency/requests/{id}/confirm",
                   call("POST", "", nullptr, path, Role::approver, "minh"), 409, "id");
    expect_refused(s, "POST", "/api/emergency/requests/{id}/refuse",
                   call("POST", "", {{"comment", "Không"}}, path, Role::approver, "tuan"), 409, "id");
    EXPECT_EQ(order_counts(s), before);
    r = run(s, "GET", "/api/emergency/requests", call("GET", ""));
    EXPECT_EQ(r.body["requests"][0]["decided_by"], "minh");

    // The airing's journal row carries both accounts, sealed.
    lp::journal::JournalStore journal(s.database());
    const auto now = std::chrono::system_clock::now();
    lp::journal::AiringPlan plan{now, item, "/m/x.wav", "Cắt điện khẩn", {"other"}, "thong_bao", "Phát khẩn cấp"};
    plan.one_off = oneoff;
    const auto row = journal.begin(plan, now, {"loa-chinh"});
    journal.finish(row, now + std::chrono::seconds(1), std::chrono::seconds(1), lp::journal::Status::completed, "");
    r = run(s, "GET", "/api/journal", call("GET", ""));
    ASSERT_EQ(r.body["rows"].size(), 1u);
    EXPECT_EQ(r.body["rows"][0]["ordered_by"], "lan");
    EXPECT_EQ(r.body["rows"][0]["approved_by"], "minh");
}

TEST(EmergencyApi, AnApproverRefusesWithACommentAndNothingAirs) {
    lp::test::TestServices s;
    s.config_to_change().http.emergency_needs_approver = true;
    const auto item = s.import_tone(1800, "Tin nhầm");
    auto r = run(s, "POST", "/api/emergency", call("POST", "", {{"item", item}}, {}, Role::operator_, "lan"));
    const auto path = std::map<std::string, std::string>{{"id", std::to_string(r.body["request"].get<int>())}};
    expect_refused(s, "POST", "/api/emergency/requests/{id}/refuse",
                   call("POST", "", nullptr, path, Role::approver, "minh"), 400, "comment");
    r = run(s, "POST", "/api/emergency/requests/{id}/refuse",
            call("POST", "", {{"comment", "Không đúng nội dung"}}, path, Role::approver, "minh"));
    EXPECT_EQ(r.status, 200);
    r = run(s, "GET", "/api/emergency/requests", call("GET", ""));
    EXPECT_EQ(r.body["requests"][0]["state"], "refused");
    EXPECT_EQ(r.body["requests"][0]["comment"], "Không đúng nội dung");
    EXPECT_EQ(r.body["requests"][0]["decided_by"], "minh");
    try {
        run(s, "POST", "/api/emergency/requests/{id}/confirm", call("POST", "", nullptr, path, Role::admin, "hoa"));
        ADD_FAILURE() << "a refused request was confirmed";
    } catch (const lp::api::ApiError& e) {
        EXPECT_EQ(e.status(), 409);
        EXPECT_NE(std::string(e.what()).find("đã được từ chối bởi minh"), std::string::npos) << e.what();
    }
    EXPECT_EQ(s.count("one_off"), 0);
    EXPECT_EQ(s.rules_changed_count, 0);
    expect_refused(s, "POST", "/api/emergency/requests/{id}/confirm",
                   call("POST", "", nullptr, {{"id", "99"}}, Role::approver, "minh"), 404, "id");
}

TEST(EmergencyApi, AnAdminsOrderNeverWaitsOnlyAnOperatorsDoes) {
    lp::test::TestServices s;
    s.config_to_change().http.emergency_needs_approver = true;
    const auto item = s.import_tone(1900, "Khẩn");
    const auto r = run(s, "POST", "/api/emergency", call("POST", "", {{"item", item}}, {}, Role::admin, "hoa"));
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(s.count("emergency_request"), 0);
}

TEST(EmergencyApi, RefusesBadOrdersChangingNothing) {
    lp::test::TestServices s;
    const auto item = s.import_tone(2000, "Tin");
    const auto retired = s.import_tone(2100, "Tin đã ngừng");
    lp::library::ItemStore(s.database()).retire(retired, std::chrono::system_clock::now());
    const auto before = order_counts(s);
    const auto bad = [&](nlohmann::json body, int status, const std::string& field) {
        expect_refused(s, "POST", "/api/emergency", call("POST", "", std::move(body), {}, Role::operator_), status,
                       field);
    };
    bad(nlohmann::json::object(), 400, "item");
    bad({{"outputs", {"loa-chinh"}}}, 400, "item");
    bad({{"item", nullptr}}, 400, "item");
    bad({{"item", item}, {"text", "Thông báo"}}, 400, "text");
    bad({{"item", "12"}}, 400, "item");
    bad({{"text", 12}}, 400, "text");
    bad({{"item", 999}}, 404, "item");
    bad({{"item", retired}}, 422, "item");
    bad({{"item", item}, {"outputs", {"loa-phu"}}}, 422, "outputs");
    bad({{"item", item}, {"outputs", "loa-chinh"}}, 400, "outputs");
    bad({{"text", "Thông báo"}, {"outputs", {"../loa"}}}, 422, "outputs");  // refused before speaking
    bad({{"text", "   "}}, 422, "text");
    bad({{"text", std::string(5001, 'a')}}, 422, "text");
    expect_refused(s, "POST", "/api/emergency", call("POST", "", nlohmann::json::array(), {}, Role::operator_), 400,
                   "");
    EXPECT_EQ(order_counts(s), before);
}

TEST(PlayNextApi, QueuesTheItemAfterWhatPlaysInTheCallersName) {
    lp::test::TestServices s;
    const auto item = s.import_tone(2200, "Tin tiếp");
    lp::library::ItemStore(s.database()).approve(item, "minh");
    const auto r = run(s, "POST", "/api/player/play-next",
                       call("POST", "", {{"item", item}, {"outputs", {"loa-chinh"}}}, {}, Role::operator_, "lan"));
    EXPECT_EQ(r.status, 201);
    const auto o = one_off(s, r.body["oneoff"].get<std::int64_t>());
    EXPECT_EQ(o.item, item);
    EXPECT_EQ(o.priority, "next");
    EXPECT_EQ(o.created_by, "lan");
    EXPECT_EQ(o.outputs, "loa-chinh");
    EXPECT_EQ(s.rules_changed_count, 1);
    const auto listed = run(s, "GET", "/api/oneoffs", call("GET", ""));
    EXPECT_EQ(listed.body["oneoffs"][0]["priority"], "tiep-theo");
}

TEST(PlayNextApi, RefusesBadInputsChangingNothing) {
    lp::test::TestServices s;
    const auto unapproved = s.import_tone(2300, "Chưa duyệt");
    const auto item = s.import_tone(2400, "Đã duyệt");
    lp::library::ItemStore(s.database()).approve(item, "minh");
    const auto before = order_counts(s);
    const auto bad = [&](nlohmann::json body, int status, const std::string& field) {
        expect_refused(s, "POST", "/api/player/play-next", call("POST", "", std::move(body), {}, Role::operator_),
                       status, field);
    };
    bad(nlohmann::json::object(), 400, "item");
    bad({{"item", "một"}}, 400, "item");
    bad({{"item", 999}}, 404, "item");
    bad({{"item", unapproved}}, 422, "item");  // play next is no emergency: the item must be approved
    bad({{"item", item}, {"outputs", {"loa-phu"}}}, 422, "outputs");
    EXPECT_EQ(order_counts(s), before);
}

}  // namespace
