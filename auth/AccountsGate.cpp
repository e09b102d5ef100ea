#include "auth/AccountsGate.hpp"

#include <spdlog/spdlog.h>

#include "auth/Accounts.hpp"
#include "auth/AuditEntry.hpp"
#include "auth/GateParts.hpp"
#include "auth/Tokens.hpp"
#include "auth/routes/Routes.hpp"
#include "domain/Time.hpp"

namespace lp::auth {

AccountsGate::AccountsGate(const std::filesystem::path& database, bool secure_cookie, Clock clock)
    : parts_(std::make_unique<GateParts>(database, secure_cookie, std::move(clock))) {}

AccountsGate::~AccountsGate() = default;

std::optional<Session> AccountsGate::identify(std::string_view session_cookie, std::string_view bearer_token) {
    try {
        if (!session_cookie.empty())
            if (auto s = by_cookie(session_cookie)) return s;
        if (!bearer_token.empty()) return by_token(bearer_token);
    } catch (const std::exception& e) {
        spdlog::error("auth: could not identify a request: {}", e.what());
    }
    return std::nullopt;
}

std::optional<Session> AccountsGate::by_cookie(std::string_view cookie) {
    const auto info = parts_->sessions.find(cookie);
    if (!info) return std::nullopt;
    const auto account = parts_->reads.with([&](sqlite::Database& db) { return Accounts(db).find(info->account); });
    if (!account || account->disabled || account->epoch != info->epoch) {  // removed, locked, new password
        parts_->sessions.close(info->handle);
        return std::nullopt;
    }
    return Session{api::Caller{account->name, account->role, false, info->handle}, info->csrf};
}

std::optional<Session> AccountsGate::by_token(std::string_view token) {
    const auto owner = parts_->reads.with([&](sqlite::Database& db) { return Tokens(db).find(token); });
    if (!owner || owner->disabled) return std::nullopt;
    const auto at = domain::to_utc_text(parts_->clock());
    parts_->queue.push([parts = parts_.get(), id = owner->id, at] {
        try {
            parts->queue_db.with([&](sqlite::Database& db) { Tokens(db).touch(id, at); });
        } catch (const std::exception& e) {  // only a convenience: not worth a retry
            spdlog::warn("auth: could not note the use of token {}: {}", id, e.what());
        }
    });
    return Session{api::Caller{owner->account, owner->role, true, {}}, {}};
}

std::vector<api::Route> AccountsGate::routes() {
    std::vector<api::Route> out;
    routes::add_session_routes(*parts_, out);
    routes::add_account_routes(*parts_, out);
    routes::add_token_routes(*parts_, out);
    return out;
}

void AccountsGate::record_change(const api::Call& call, const api::Reply& reply) noexcept {
    try {
        parts_->audit(audit_row_for(call, reply, parts_->clock()));
    } catch (const std::exception& e) {
        spdlog::error("auth: could not record {} {} in the audit: {}", call.method, call.path, e.what());
    }
}

void AccountsGate::flush() { parts_->queue.flush(); }

}  // namespace lp::auth
