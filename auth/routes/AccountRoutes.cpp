#include "auth/AccountError.hpp"
#include "auth/Accounts.hpp"
#include "auth/Password.hpp"
#include "auth/routes/Fields.hpp"
#include "auth/routes/Routes.hpp"

namespace lp::auth::routes {
namespace {

nlohmann::json to_json(const Account& a) {
    return {{"name", a.name}, {"role", role_name(a.role)}, {"created_at", a.created_at}, {"disabled", a.disabled}};
}

api::Reply create_account(GateParts& parts, api::Call& call) {
    fields::expect_object(call, {"name", "role", "password"});
    const auto name = fields::required_string(call, "name");
    const auto role_text = fields::required_string(call, "role");
    const auto password = fields::required_string(call, "password");
    return fields::answering([&] {
        check_account_name(name);
        const Role role = parse_role(role_text);
        check_new_password(password);
        if (parts.reads.with([&](sqlite::Database& db) { return Accounts(db).exists(name); }))
            throw AccountError(AccountError::Kind::conflict, "name",
                               "Tài khoản \"" + name + "\" đã có; chọn tên khác.");
        const auto hash = hash_password(password);  // slow: outside every lock
        api::Reply r;
        r.status = 201;
        r.body = parts.writes.with([&](sqlite::Database& db) {
            Accounts accounts(db);
            accounts.add(name, role, hash);
            return to_json(accounts.get(name));
        });
        return r;
    });
}

api::Reply change(GateParts& parts, api::Call& call) {
    const auto name = fields::param(call, "name");
    fields::expect_object(call, {"role", "password", "disabled"});
    const auto role_text = fields::optional_string(call, "role");
    const auto password = fields::optional_string(call, "password");
    const auto disabled = fields::optional_bool(call, "disabled");
    if (!role_text && !password && !disabled)
        throw api::ApiError(400, "", "Cần ít nhất một trong các trường \"role\", \"password\", \"disabled\".");
    return fields::answering([&] {
        const Role role = role_text ? parse_role(*role_text) : Role::viewer;
        if (password) check_new_password(*password);
        parts.reads.with([&](sqlite::Database& db) { return Accounts(db).get(name); });  // 404 before hashing
        const auto hash = password ? std::optional<std::string>(hash_password(*password)) : std::nullopt;
        api::Reply r;
        r.body = parts.writes.with([&](sqlite::Database& db) {
            Accounts accounts(db);
            sqlite::Transaction tx(db);  // all of it or nothing
            if (role_text) accounts.set_role(name, role);
            if (hash) accounts.set_password_hash(name, *hash);
            if (disabled) accounts.set_disabled(name, *disabled);
            auto json = to_json(accounts.get(name));
            tx.commit();
            return json;
        });
        return r;
    });
}

api::Reply remove_account(GateParts& parts, api::Call& call) {
    const auto name = fields::param(call, "name");
    return fields::answering([&] {
        parts.writes.with([&](sqlite::Database& db) { Accounts(db).remove(name); });
        parts.sessions.close_account(name);
        return api::Reply{};
    });
}

}  // namespace

void add_account_routes(GateParts& parts, std::vector<api::Route>& out) {
    out.push_back({"GET", "/api/accounts", Permission::accounts, false, false, [&parts](api::Call&) {
                       api::Reply r;
                       r.body = {{"accounts", nlohmann::json::array()}};
                       for (const auto& a : parts.reads.with([](sqlite::Database& db) { return Accounts(db).list(); }))
                           r.body["accounts"].push_back(to_json(a));
                       return r;
                   }});
    out.push_back({"POST", "/api/accounts", Permission::accounts, true, false,
                   [&parts](api::Call& call) { return create_account(parts, call); }});
    out.push_back({"PATCH", "/api/accounts/{name}", Permission::accounts, true, false,
                   [&parts](api::Call& call) { return change(parts, call); }});
    out.push_back({"DELETE", "/api/accounts/{name}", Permission::accounts, true, false,
                   [&parts](api::Call& call) { return remove_account(parts, call); }});
}

}  // namespace lp::auth::routes
