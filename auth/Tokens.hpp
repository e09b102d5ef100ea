#pragma once
// Bearer tokens for scripts. The raw token is shown once, when it is made; the table keeps
// only its SHA-256, so a copy of the database file gives no token away.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/Role.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::auth {

inline constexpr std::string_view token_prefix = "lp_";

struct NewToken {
    std::int64_t id = 0;
    std::string token;  // "lp_" + 43 base64url characters; not stored
};

struct TokenInfo {
    std::int64_t id = 0;
    std::string account;
    std::string label;
    std::string created_at;
    std::optional<std::string> last_used;
};

// Whom a presented token acts for.
struct TokenOwner {
    std::int64_t id = 0;
    std::string account;
    Role role = Role::viewer;
    bool disabled = false;
};

class Tokens {
public:
    explicit Tokens(sqlite::Database& db) : db_(db) {}

    // Throws AccountError: unknown account (not_found, "account"), empty or long label
    // (invalid, "label").
    NewToken create(std::string_view account, std::string_view label);
    // Looks the token up by its SHA-256 only.
    std::optional<TokenOwner> find(std::string_view token);
    std::vector<TokenInfo> list();
    // False when there is no such token.
    bool remove(std::int64_t id);
    void touch(std::int64_t id, const std::string& at_utc);

private:
    sqlite::Database& db_;
};

}  // namespace lp::auth
