#pragma once
// The accounts table: names, roles, Argon2id hashes, disabled flags. Checks every rule
// (name form, known role, unique name, the last enabled admin stays) and throws AccountError
// naming the field. Hashing is the caller's (slow: do it before, off the loop, outside any lock).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/Role.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::auth {

struct Account {
    std::string name;
    Role role = Role::viewer;
    std::string password_hash;
    std::string created_at;  // UTC text
    bool disabled = false;
    std::int64_t epoch = 0;  // grows when the password changes or the account is disabled
};

// Throws AccountError(invalid, field) unless `name` is 1–64 of [A-Za-z0-9._-].
void check_account_name(std::string_view name, const std::string& field = "name");
// The role named `text`; throws AccountError(invalid, field) listing the four roles.
Role parse_role(std::string_view text, const std::string& field = "role");
// Throws AccountError(invalid, field) with password_problem()'s message.
void check_new_password(std::string_view password, const std::string& field = "password");

class Accounts {
public:
    explicit Accounts(sqlite::Database& db) : db_(db) {}

    std::optional<Account> find(std::string_view name);
    // Throws AccountError(not_found, field) when there is no such account.
    Account get(std::string_view name, const std::string& field = "name");
    std::vector<Account> list();
    bool exists(std::string_view name) { return find(name).has_value(); }

    // Throws AccountError: invalid name (field "name"), duplicate (conflict, "name").
    void add(std::string_view name, Role role, const std::string& password_hash);
    void set_role(std::string_view name, Role role);
    void set_password_hash(std::string_view name, const std::string& password_hash);
    void set_disabled(std::string_view name, bool disabled);
    // Removes the account and its tokens.
    void remove(std::string_view name);

private:
    // Throws AccountError(conflict) when `name` is the last enabled admin and `change` would
    // take that away.
    void keep_an_admin(const Account& account, const std::string& field, const std::string& change);
    sqlite::Database& db_;
};

}  // namespace lp::auth
