#include <charconv>

#include "auth/Tokens.hpp"
#include "auth/routes/Fields.hpp"
#include "auth/routes/Routes.hpp"

namespace lp::auth::routes {
namespace {

api::Reply create_token(GateParts& parts, api::Call& call) {
    fields::expect_object(call, {"account", "label"});
    const auto account = fields::required_string(call, "account");
    const auto label = fields::required_string(call, "label");
    const auto t = fields::answering(
        [&] { return parts.writes.with([&](sqlite::Database& db) { return Tokens(db).create(account, label); }); });
    api::Reply r;
    r.status = 201;
    r.body = {{"id", t.id}, {"account", account}, {"label", label}, {"token", t.token}};
    return r;
}

api::Reply remove_token(GateParts& parts, api::Call& call) {
    const auto text = fields::param(call, "id");
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
        throw api::ApiError(400, "id", "Mã số \"" + text + "\" không hợp lệ: cần một số nguyên dương.");
    if (!parts.writes.with([&](sqlite::Database& db) { return Tokens(db).remove(id); }))
        throw api::ApiError(404, "id", "Không có mã truy cập số " + text + ".");
    return {};
}

}  // namespace

void add_token_routes(GateParts& parts, std::vector<api::Route>& out) {
    out.push_back({"GET", "/api/tokens", Permission::accounts, false, false, [&parts](api::Call&) {
                       api::Reply r;
                       r.body = {{"tokens", nlohmann::json::array()}};
                       for (const auto& t : parts.reads.with([](sqlite::Database& db) { return Tokens(db).list(); }))
                           r.body["tokens"].push_back(
                               {{"id", t.id},
                                {"account", t.account},
                                {"label", t.label},
                                {"created_at", t.created_at},
                                {"last_used", t.last_used ? nlohmann::json(*t.last_used) : nlohmann::json(nullptr)}});
                       return r;
                   }});
    out.push_back({"POST", "/api/tokens", Permission::accounts, true, false,
                   [&parts](api::Call& call) { return create_token(parts, call); }});
    out.push_back({"DELETE", "/api/tokens/{id}", Permission::accounts, true, false,
                   [&parts](api::Call& call) { return remove_token(parts, call); }});
}

}  // namespace lp::auth::routes
