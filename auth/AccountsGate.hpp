#pragma once
// auth::Gate over the daemon's SQLite file: accounts with Argon2id passwords, in-memory
// sessions, bearer tokens, login rate limits and the sealed audit chain.
//
// Thread safety: identify() and the quick routes run on the loop, the routes that hash a
// password or write run on workers (api::Route::on_worker); each kind uses its own connection
// behind a lock, and audit rows are written on a thread of their own, in order.

#include <filesystem>
#include <memory>

#include "auth/Clock.hpp"
#include "auth/Gate.hpp"

namespace lp::auth {

struct GateParts;

class AccountsGate final : public Gate {
public:
    // `database`: the daemon's SQLite file (opened three more times here, migrated).
    // `secure_cookie`: the server speaks TLS, so the cookie says `Secure`. Throws
    // sqlite::Error naming the file.
    AccountsGate(const std::filesystem::path& database, bool secure_cookie, Clock clock = system_clock());
    ~AccountsGate() override;

    std::optional<Session> identify(std::string_view session_cookie, std::string_view bearer_token) override;
    std::vector<api::Route> routes() override;
    void record_change(const api::Call& call, const api::Reply& reply) noexcept override;

    // Waits until the audit rows and token uses so far are written (tests, shutdown).
    void flush();

private:
    std::optional<Session> by_cookie(std::string_view cookie);
    std::optional<Session> by_token(std::string_view token);
    std::unique_ptr<GateParts> parts_;
};

}  // namespace lp::auth
