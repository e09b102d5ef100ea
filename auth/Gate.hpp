#pragma once
// What the HTTP server asks of the accounts side for each request. auth/ implements it
// (accounts, Argon2id passwords, sessions, bearer tokens, login rate limits, the audit chain);
// http/ only calls it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/Call.hpp"

namespace lp::auth {

struct Session {
    api::Caller caller;
    // The CSRF token a browser session must send back in `X-CSRF-Token` on every request
    // that changes state; empty for a bearer token (no cookie, so no CSRF).
    std::string csrf;
};

class Gate {
public:
    virtual ~Gate() = default;

    // The caller a request acts for: from the `lp_session` cookie's value or the
    // `Authorization: Bearer` token (either may be empty). nullopt: not logged in, expired,
    // unknown or disabled account. Quick (no KDF): runs on the loop.
    virtual std::optional<Session> identify(std::string_view session_cookie, std::string_view bearer_token) = 0;

    // The routes auth/ serves itself: POST /api/login (sets the cookie, rate-limited),
    // POST /api/logout, GET /api/me, and the admin's /api/accounts and /api/tokens.
    virtual std::vector<api::Route> routes() = 0;

    // Called by the server after every request that changed state (non-GET, 2xx): records
    // who did what in the sealed audit chain. Must not throw into the server.
    virtual void record_change(const api::Call& call, const api::Reply& reply) noexcept = 0;
};

}  // namespace lp::auth
