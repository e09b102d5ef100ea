#pragma once
// Browser sessions, in memory (a restart logs everyone out). Thread-safe. The cookie value is
// 32 random bytes; the table is keyed by its SHA-256 (the "handle" handlers may see), so the
// secret itself is never kept. A session ends after 12 h without a request, 7 days after login,
// at logout, or when its account's epoch moves (password changed, account disabled).

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "auth/Clock.hpp"

namespace lp::auth {

inline constexpr std::chrono::hours session_idle_limit{12};
inline constexpr std::chrono::hours session_absolute_limit{24 * 7};

struct NewSession {
    std::string cookie;  // the lp_session cookie's value
    std::string csrf;    // sent back in X-CSRF-Token; a different secret
    std::string handle;  // SHA-256 of the cookie: names the session without revealing it
};

struct SessionInfo {
    std::string account;
    std::int64_t epoch = 0;
    std::string csrf;
    std::string handle;
};

class Sessions {
public:
    explicit Sessions(Clock clock) : clock_(std::move(clock)) {}

    NewSession open(const std::string& account, std::int64_t epoch);
    // The live session of this cookie value (and it counts as a request: the idle time
    // restarts); nullopt when unknown or expired (then it is forgotten).
    std::optional<SessionInfo> find(std::string_view cookie);
    // The session named by its handle, without counting as a request.
    std::optional<SessionInfo> by_handle(const std::string& handle);
    void close(const std::string& handle);
    // Ends every session of an account (removed, renamed).
    void close_account(const std::string& account);
    std::size_t size();

private:
    struct Entry {
        SessionInfo info;
        TimePoint opened;
        TimePoint last_seen;
    };
    void forget_expired(TimePoint now);
    Clock clock_;
    std::mutex mutex_;
    std::unordered_map<std::string, Entry> by_handle_;
    TimePoint last_sweep_{};
};

}  // namespace lp::auth
