#include "auth/Tokens.hpp"

#include "auth/AccountError.hpp"
#include "auth/Accounts.hpp"
#include "auth/Sodium.hpp"
#include "journal/Sha256.hpp"

namespace lp::auth {

NewToken Tokens::create(std::string_view account, std::string_view label) {
    if (label.empty() || label.size() > 200)
        throw AccountError(AccountError::Kind::invalid, "label",
                           "Cần ghi chú (label) cho mã truy cập, tối đa 200 byte, ví dụ \"máy tính văn phòng\".");
    sqlite::Transaction tx(db_);
    Accounts(db_).get(account, "account");
    NewToken t;
    t.token = std::string(token_prefix) + random_secret(32);
    auto st = db_.prepare("INSERT INTO api_tokens (account, label, sha256) VALUES (?, ?, ?)");
    st.bind(1, account).bind(2, label).bind(3, journal::sha256_hex(t.token));
    st.run();
    t.id = db_.last_insert_rowid();
    tx.commit();
    return t;
}

std::optional<TokenOwner> Tokens::find(std::string_view token) {
    if (token.empty()) return std::nullopt;
    auto st = db_.prepare(
        "SELECT t.id, a.name, a.role, a.disabled FROM api_tokens t JOIN accounts a ON a.name = t.account "
        "WHERE t.sha256 = ?");
    st.bind(1, journal::sha256_hex(token));
    if (!st.step()) return std::nullopt;
    return TokenOwner{st.integer(0), st.text(1), role_from_name(st.text(2)).value_or(Role::viewer), st.integer(3) != 0};
}

std::vector<TokenInfo> Tokens::list() {
    std::vector<TokenInfo> out;
    auto st = db_.prepare("SELECT id, account, label, created_at, last_used FROM api_tokens ORDER BY id");
    while (st.step()) out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.optional_text(4)});
    return out;
}

bool Tokens::remove(std::int64_t id) {
    auto st = db_.prepare("DELETE FROM api_tokens WHERE id = ?");
    st.bind(1, id);
    st.run();
    return db_.changes() > 0;
}

void Tokens::touch(std::int64_t id, const std::string& at_utc) {
    auto st = db_.prepare("UPDATE api_tokens SET last_used = ? WHERE id = ?");
    st.bind(1, at_utc).bind(2, id);
    st.run();
}

}  // namespace lp::auth
