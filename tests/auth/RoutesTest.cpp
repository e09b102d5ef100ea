// auth::AccountsGate's routes called with api::Call directly (the HTTP path is http/'s test):
// logins, sessions, accounts and tokens, every bad input answered 4xx naming the field, and
// the audit rows they leave.

#include <gtest/gtest.h>

#include "auth/Accounts.hpp"
#include "auth/AccountsGate.hpp"
#include "auth/AuditLog.hpp"
#include "auth/Password.hpp"
#include "db/Store.hpp"
#include "tests/auth/VirtualClock.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::auth;
using namespace std::chrono_literals;
using nlohmann::json;

class Routes : public testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path file = dir / "var" / "lp.db";
    lp::test::VirtualClock t;
    std::unique_ptr<AccountsGate> gate;
    std::vector<lp::api::Route> routes;
    lp::api::Caller admin{"an", Role::admin, false, {}};

    void SetUp() override {
        {
            auto db = lp::db::open_store(file);
            Accounts(db).add("an", Role::admin, hash_password("mật khẩu của An"));
        }
        gate = std::make_unique<AccountsGate>(file, false, t.clock());
        routes = gate->routes();
    }

    const lp::api::Route& route(const std::string& method, const std::string& pattern) {
        for (const auto& r : routes)
            if (r.method == method && r.pattern == pattern) return r;
        throw std::logic_error("no route " + method + " " + pattern);
    }

    // Calls the route as the server would; an ApiError becomes its status and body.
    lp::api::Reply call(const std::string& method, const std::string& pattern, json body = nullptr,
                        std::map<std::string, std::string> params = {}, lp::api::Caller caller = {},
                        const std::string& client = "192.0.2.1") {
        lp::api::Call c;
        c.method = method;
        c.path = pattern;
        for (const auto& [k, v] : params) c.path.replace(c.path.find("{" + k + "}"), k.size() + 2, v);
        c.params = params;
        c.body = std::move(body);
        c.caller = std::move(caller);
        c.client = client;
        try {
            auto reply = route(method, pattern).handler(c);
            if (method != "GET" && reply.status < 300) gate->record_change(c, reply);
            return reply;
        } catch (const lp::api::ApiError& e) {
            lp::api::Reply r;
            r.status = e.status();
            r.body = {{"error", {{"field", e.field()}, {"message", e.what()}}}};
            return r;
        }
    }
    lp::api::Reply as_admin(const std::string& method, const std::string& pattern, json body = nullptr,
                            std::map<std::string, std::string> params = {}) {
        return call(method, pattern, std::move(body), std::move(params), admin);
    }

    static std::string cookie_value(const lp::api::Reply& r) {
        for (const auto& [k, v] : r.headers)
            if (k == "Set-Cookie") return v.substr(v.find('=') + 1, v.find(';') - v.find('=') - 1);
        return {};
    }
    static std::string header(const lp::api::Reply& r, const std::string& name) {
        for (const auto& [k, v] : r.headers)
            if (k == name) return v;
        return {};
    }
    lp::api::Reply login(const std::string& name, const std::string& password,
                         const std::string& client = "192.0.2.1") {
        return call("POST", "/api/login", {{"name", name}, {"password", password}}, {}, {}, client);
    }
    static std::string field(const lp::api::Reply& r) { return r.body["error"]["field"]; }
    static std::string message(const lp::api::Reply& r) { return r.body["error"]["message"]; }
};

TEST_F(Routes, LoginSetsTheCookieAndIdentifyFindsTheSession) {
    const auto r = login("an", "mật khẩu của An");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.body["account"], "an");
    EXPECT_EQ(r.body["role"], "admin");
    const auto cookie = cookie_value(r);
    EXPECT_EQ(header(r, "Set-Cookie"), "lp_session=" + cookie + "; Path=/; HttpOnly; SameSite=Strict");
    EXPECT_NE(r.body["csrf"], cookie);
    EXPECT_TRUE(route("POST", "/api/login").on_worker) << "Argon2id never runs on the loop";

    const auto s = gate->identify(cookie, "");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->caller.account, "an");
    EXPECT_EQ(s->caller.role, Role::admin);
    EXPECT_FALSE(s->caller.by_token);
    EXPECT_EQ(s->csrf, r.body["csrf"]);
    EXPECT_FALSE(gate->identify("", ""));
    EXPECT_FALSE(gate->identify("forged", ""));

    const auto me = call("GET", "/api/me", nullptr, {}, s->caller);
    EXPECT_EQ(me.body["account"], "an");
    EXPECT_EQ(me.body["csrf"], r.body["csrf"]);

    t.advance(12h);
    EXPECT_FALSE(gate->identify(cookie, "")) << "idle for 12 h";
}

TEST_F(Routes, TheCookieIsSecureBehindTls) {
    AccountsGate tls(file, true, t.clock());
    auto rs = tls.routes();
    lp::api::Call c;
    c.method = "POST";
    c.path = "/api/login";
    c.body = {{"name", "an"}, {"password", "mật khẩu của An"}};
    const auto r = rs[0].handler(c);
    EXPECT_NE(header(r, "Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(Routes, LogoutEndsOnlyThatSession) {
    const auto one = cookie_value(login("an", "mật khẩu của An"));
    const auto two = cookie_value(login("an", "mật khẩu của An"));
    const auto s = gate->identify(one, "");
    ASSERT_TRUE(s);
    const auto r = call("POST", "/api/logout", nullptr, {}, s->caller);
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(header(r, "Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_FALSE(gate->identify(one, ""));
    EXPECT_TRUE(gate->identify(two, ""));
}

TEST_F(Routes, LoginBadInputs) {
    auto r = call("POST", "/api/login", json::array());
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(field(r), "");
    r = call("POST", "/api/login", {{"password", "x"}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(field(r), "name");
    EXPECT_EQ(message(r), "Thiếu trường \"name\".");
    r = call("POST", "/api/login", {{"name", "an"}, {"password", 12345678}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(field(r), "password");
    EXPECT_EQ(message(r), "Trường \"password\" phải là một chuỗi.");
    r = call("POST", "/api/login", {{"name", "an"}, {"password", "x"}, {"remember", true}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(field(r), "remember");
    r = login("an", "sai mật khẩu");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(message(r), "Tên đăng nhập hoặc mật khẩu không đúng.");
    EXPECT_EQ(login("không-có", "mật khẩu của An").status, 401) << "same answer for an unknown name";
}

TEST_F(Routes, LoginIsRateLimited) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login("an", "sai " + std::to_string(i)).status, 401);
    auto r = login("an", "mật khẩu của An");
    EXPECT_EQ(r.status, 429) << "even the right password waits";
    EXPECT_EQ(header(r, "Retry-After"), "300");
    EXPECT_EQ(message(r), "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 5 phút.");
    EXPECT_EQ(login("an", "mật khẩu của An", "192.0.2.99").status, 429) << "the account, from another address";
    t.advance(5min);
    EXPECT_EQ(login("an", "mật khẩu của An", "192.0.2.99").status, 200);
}

TEST_F(Routes, AccountsCreateAndItsBadInputs) {
    auto r = as_admin("POST", "/api/accounts", {{"name", "binh"}, {"role", "operator"}, {"password", "12345678"}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body["role"], "operator");
    EXPECT_EQ(r.body.find("password_hash"), r.body.end());
    EXPECT_EQ(login("binh", "12345678").status, 200);

    const std::vector<std::pair<json, std::pair<int, std::string>>> bad{
        {{{"role", "operator"}, {"password", "12345678"}}, {400, "name"}},
        {{{"name", 7}, {"role", "operator"}, {"password", "12345678"}}, {400, "name"}},
        {{{"name", "../x"}, {"role", "operator"}, {"password", "12345678"}}, {400, "name"}},
        {{{"name", "chi"}, {"role", "boss"}, {"password", "12345678"}}, {400, "role"}},
        {{{"name", "chi"}, {"role", "viewer"}, {"password", "1234567"}}, {400, "password"}},
        {{{"name", "chi"}, {"role", "viewer"}}, {400, "password"}},
        {{{"name", "binh"}, {"role", "viewer"}, {"password", "12345678"}}, {409, "name"}},
        {json("chuỗi"), {400, ""}},
    };
    for (const auto& [body, expected] : bad) {
        r = as_admin("POST", "/api/accounts", body);
        EXPECT_EQ(r.status, expected.first) << body;
        EXPECT_EQ(field(r), expected.second) << body;
        EXPECT_FALSE(message(r).empty());
    }
    r = as_admin("POST", "/api/accounts", {{"name", "chi"}, {"role", "boss"}, {"password", "12345678"}});
    EXPECT_EQ(message(r), "Vai trò \"boss\" không tồn tại; chọn một trong: admin, operator, approver, viewer.");
    r = as_admin("POST", "/api/accounts", {{"name", "chi"}, {"role", "viewer"}, {"password", "1234567"}});
    EXPECT_EQ(message(r), "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.");
    r = as_admin("GET", "/api/accounts");
    ASSERT_EQ(r.body["accounts"].size(), 2u) << "nothing made by the bad requests";
    EXPECT_EQ(route("POST", "/api/accounts").permission, Permission::accounts);
}

TEST_F(Routes, AccountsChangeEndsSessionsAndKeepsAnAdmin) {
    as_admin("POST", "/api/accounts", {{"name", "binh"}, {"role", "operator"}, {"password", "12345678"}});
    const auto cookie = cookie_value(login("binh", "12345678"));
    ASSERT_TRUE(gate->identify(cookie, ""));

    auto r = as_admin("PATCH", "/api/accounts/{name}", {{"role", "approver"}}, {{"name", "binh"}});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(gate->identify(cookie, "")->caller.role, Role::approver) << "a new role counts at once";

    r = as_admin("PATCH", "/api/accounts/{name}", {{"password", "mật khẩu mới"}}, {{"name", "binh"}});
    EXPECT_EQ(r.status, 200);
    EXPECT_FALSE(gate->identify(cookie, "")) << "a new password ends the sessions";
    EXPECT_EQ(login("binh", "12345678").status, 401);
    const auto again = cookie_value(login("binh", "mật khẩu mới"));
    r = as_admin("PATCH", "/api/accounts/{name}", {{"disabled", true}}, {{"name", "binh"}});
    EXPECT_EQ(r.body["disabled"], true);
    EXPECT_FALSE(gate->identify(again, "")) << "a disabled account has no session";
    EXPECT_EQ(login("binh", "mật khẩu mới").status, 403);

    EXPECT_EQ(as_admin("PATCH", "/api/accounts/{name}", {{"role", "viewer"}}, {{"name", "chi"}}).status, 404);
    r = as_admin("PATCH", "/api/accounts/{name}", json::object(), {{"name", "binh"}});
    EXPECT_EQ(r.status, 400);
    r = as_admin("PATCH", "/api/accounts/{name}", {{"disabled", "yes"}}, {{"name", "binh"}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(field(r), "disabled");
    r = as_admin("PATCH", "/api/accounts/{name}", {{"password", "ngắn"}}, {{"name", "binh"}});
    EXPECT_EQ(field(r), "password");

    r = as_admin("PATCH", "/api/accounts/{name}", {{"disabled", true}}, {{"name", "an"}});
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(field(r), "disabled");
    r = as_admin("PATCH", "/api/accounts/{name}", {{"role", "operator"}, {"disabled", false}}, {{"name", "an"}});
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(field(r), "role");
    r = as_admin("DELETE", "/api/accounts/{name}", nullptr, {{"name", "an"}});
    EXPECT_EQ(r.status, 409);
    EXPECT_NE(message(r).find("quản trị viên (admin) cuối cùng"), std::string::npos) << message(r);
    EXPECT_EQ(as_admin("DELETE", "/api/accounts/{name}", nullptr, {{"name", "chi"}}).status, 404);
    EXPECT_EQ(as_admin("DELETE", "/api/accounts/{name}", nullptr, {{"name", "binh"}}).status, 200);
    EXPECT_EQ(as_admin("GET", "/api/accounts").body["accounts"].size(), 1u);
}

TEST_F(Routes, TokensActForTheirAccount) {
    as_admin("POST", "/api/accounts", {{"name", "script"}, {"role", "operator"}, {"password", "12345678"}});
    auto r = as_admin("POST", "/api/tokens", {{"account", "script"}, {"label", "sao lưu"}});
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string token = r.body["token"];
    const std::string id = std::to_string(r.body["id"].get<int>());
    const auto s = gate->identify("", token);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->caller.account, "script");
    EXPECT_EQ(s->caller.role, Role::operator_);
    EXPECT_TRUE(s->caller.by_token);
    EXPECT_EQ(s->csrf, "");
    EXPECT_FALSE(gate->identify("", token + "x"));
    EXPECT_FALSE(gate->identify("not-a-session", token + "x"));
    EXPECT_TRUE(gate->identify("not-a-session", token)) << "a stale cookie does not hide the token";

    gate->flush();
    r = as_admin("GET", "/api/tokens");
    ASSERT_EQ(r.body["tokens"].size(), 1u);
    EXPECT_EQ(r.body.dump().find(token), std::string::npos) << "shown once only";
    EXPECT_EQ(r.body["tokens"][0]["last_used"], "2026-12-01T08:00:00.000Z");

    EXPECT_EQ(field(as_admin("POST", "/api/tokens", {{"account", "nobody"}, {"label", "x"}})), "account");
    EXPECT_EQ(as_admin("POST", "/api/tokens", {{"account", "nobody"}, {"label", "x"}}).status, 404);
    EXPECT_EQ(field(as_admin("POST", "/api/tokens", {{"account", "script"}})), "label");
    EXPECT_EQ(field(as_admin("POST", "/api/tokens", {{"account", "script"}, {"label", ""}})), "label");
    EXPECT_EQ(as_admin("DELETE", "/api/tokens/{id}", nullptr, {{"id", "abc"}}).status, 400);
    EXPECT_EQ(as_admin("DELETE", "/api/tokens/{id}", nullptr, {{"id", "999"}}).status, 404);

    as_admin("PATCH", "/api/accounts/{name}", {{"disabled", true}}, {{"name", "script"}});
    EXPECT_FALSE(gate->identify("", token)) << "a disabled account's token is refused";
    as_admin("PATCH", "/api/accounts/{name}", {{"disabled", false}}, {{"name", "script"}});
    EXPECT_EQ(as_admin("DELETE", "/api/tokens/{id}", nullptr, {{"id", id}}).status, 200);
    EXPECT_FALSE(gate->identify("", token));
}

TEST_F(Routes, EveryChangeIsSealedInTheAuditWithoutSecrets) {
    login("an", "mật khẩu của An");
    as_admin("POST", "/api/accounts", {{"name", "binh"}, {"role", "operator"}, {"password", "12345678"}});
    as_admin("PATCH", "/api/accounts/{name}", {{"password", "mật khẩu mới"}}, {{"name", "binh"}});
    const auto token = as_admin("POST", "/api/tokens", {{"account", "binh"}, {"label", "l"}}).body["token"];
    gate->flush();

    auto db = lp::db::open_store(file);
    const auto report = verify_audit(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 4);
    auto st = db.prepare("SELECT account, action, object, summary FROM audit ORDER BY id");
    std::vector<std::string> rows;
    while (st.step()) rows.push_back(st.text(0) + " | " + st.text(1) + " | " + st.text(2) + " | " + st.text(3));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], "an | POST /api/login |  | {\"body\":{\"name\":\"an\"},\"status\":200}");
    EXPECT_EQ(rows[1],
              "an | POST /api/accounts |  | {\"body\":{\"name\":\"binh\",\"role\":\"operator\"},\"status\":201}");
    EXPECT_EQ(rows[2], "an | PATCH /api/accounts/{name} | name=binh | {\"body\":{},\"status\":200}");
    EXPECT_EQ(rows[3].rfind("an | POST /api/tokens | id=1 | ", 0), 0u) << rows[3];
    for (const auto& row : rows) {
        EXPECT_EQ(row.find("12345678"), std::string::npos) << row;
        EXPECT_EQ(row.find(token.get<std::string>()), std::string::npos) << row;
    }
}

}  // namespace
