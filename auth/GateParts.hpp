#pragma once
// The state auth::AccountsGate shares with its route handlers (auth/routes/).

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "auth/AuditSeal.hpp"
#include "auth/Clock.hpp"
#include "auth/LoginLimiter.hpp"
#include "auth/Sessions.hpp"
#include "auth/WriteQueue.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::auth {

// A connection with the lock that makes it usable from any thread. Hold it only for quick
// statements, never across a password hash.
class LockedDatabase {
public:
    explicit LockedDatabase(const std::filesystem::path& file);
    template <typename F>
    auto with(F&& f) {
        std::lock_guard lock(mutex_);
        return std::forward<F>(f)(db_);
    }

private:
    std::mutex mutex_;
    sqlite::Database db_;
};

struct GateParts {
    GateParts(const std::filesystem::path& database, bool secure_cookie, Clock clock);

    bool secure_cookie;
    Clock clock;
    LockedDatabase reads;     // identify and the quick GET routes (on the loop)
    LockedDatabase writes;    // the worker routes
    LockedDatabase queue_db;  // used by the write queue's thread only
    Sessions sessions;
    LoginLimiter limiter;
    WriteQueue queue;  // last member: its thread stops before the rest goes

    std::string session_cookie(const std::string& value) const;
    std::string expired_cookie() const;
    void audit(AuditRow row);
};

}  // namespace lp::auth
