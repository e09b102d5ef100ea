#include <spdlog/spdlog.h>

#include "auth/Accounts.hpp"
#include "auth/Password.hpp"
#include "auth/routes/Fields.hpp"
#include "auth/routes/Routes.hpp"

namespace lp::auth::routes {
namespace {

// Verified against when the name is unknown, so that a wrong name takes as long as a wrong
// password.
const std::string& decoy_hash() {
    static const std::string hash = hash_password("loaphuong-decoy-password");
    return hash;
}

std::string wait_text(std::chrono::seconds wait) {
    if (wait.count() < 60) return std::to_string(wait.count()) + " giây";
    return std::to_string((wait.count() + 59) / 60) + " phút";
}

api::Reply too_many(std::chrono::seconds wait) {
    api::Reply r;
    r.status = 429;
    r.body = {
        {"error",
         {{"field", ""}, {"message", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + wait_text(wait) + "."}}}};
    r.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    return r;
}

api::Reply login(GateParts& parts, api::Call& call) {
    fields::expect_object(call, {"name", "password"});
    const auto name = fields::required_string(call, "name");
    const auto password = fields::required_string(call, "password");
    if (auto wait = parts.limiter.refused_for(call.client, name)) return too_many(*wait);

    const auto account = parts.reads.with([&](sqlite::Database& db) { return Accounts(db).find(name); });
    const bool matches = verify_password(account ? account->password_hash : decoy_hash(), password) && account;
    if (!matches) {
        parts.limiter.failed(call.client, name);
        spdlog::warn("auth: failed login for '{}' from {}", name, call.client);
        throw api::ApiError(401, "password", "Tên đăng nhập hoặc mật khẩu không đúng.");
    }
    if (account->disabled)
        throw api::ApiError(403, "name", "Tài khoản \"" + name + "\" đã bị khóa. Liên hệ quản trị viên.");
    parts.limiter.succeeded(name);
    const auto session = parts.sessions.open(account->name, account->epoch);
    api::Reply r;
    r.body = {{"account", account->name}, {"role", role_name(account->role)}, {"csrf", session.csrf}};
    r.headers.emplace_back("Set-Cookie", parts.session_cookie(session.cookie));
    return r;
}

}  // namespace

void add_session_routes(GateParts& parts, std::vector<api::Route>& out) {
    // Served without a caller (the HTTP server lets it through unauthenticated and without a
    // CSRF token); rate-limited here. Argon2id: on a worker.
    out.push_back({"POST", "/api/login", Permission::read, true, false,
                   [&parts](api::Call& call) { return login(parts, call); }});
    out.push_back({"POST", "/api/logout", Permission::read, false, false, [&parts](api::Call& call) {
                       if (!call.caller.session.empty()) parts.sessions.close(call.caller.session);
                       api::Reply r;
                       r.headers.emplace_back("Set-Cookie", parts.expired_cookie());
                       return r;
                   }});
    out.push_back({"GET", "/api/me", Permission::read, false, false, [&parts](api::Call& call) {
                       std::string csrf;
                       if (!call.caller.session.empty())
                           if (auto s = parts.sessions.by_handle(call.caller.session)) csrf = s->csrf;
                       api::Reply r;
                       r.body = {{"account", call.caller.account},
                                 {"role", role_name(call.caller.role)},
                                 {"csrf", csrf},
                                 {"by_token", call.caller.by_token}};
                       return r;
                   }});
}

}  // namespace lp::auth::routes
