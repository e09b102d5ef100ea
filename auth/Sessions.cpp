#include "auth/Sessions.hpp"

#include "auth/Sodium.hpp"
#include "journal/Sha256.hpp"

namespace lp::auth {
namespace {

bool expired(TimePoint opened, TimePoint last_seen, TimePoint now) {
    return now - last_seen >= session_idle_limit || now - opened >= session_absolute_limit;
}

}  // namespace

NewSession Sessions::open(const std::string& account, std::int64_t epoch) {
    NewSession s{random_secret(32), random_secret(32), {}};
    s.handle = journal::sha256_hex(s.cookie);
    const auto now = clock_();
    std::lock_guard lock(mutex_);
    forget_expired(now);
    by_handle_[s.handle] = Entry{{account, epoch, s.csrf, s.handle}, now, now};
    return s;
}

std::optional<SessionInfo> Sessions::find(std::string_view cookie) {
    if (cookie.empty()) return std::nullopt;
    const auto handle = journal::sha256_hex(cookie);
    const auto now = clock_();
    std::lock_guard lock(mutex_);
    const auto it = by_handle_.find(handle);
    if (it == by_handle_.end()) return std::nullopt;
    if (expired(it->second.opened, it->second.last_seen, now)) {
        by_handle_.erase(it);
        return std::nullopt;
    }
    it->second.last_seen = now;
    return it->second.info;
}

std::optional<SessionInfo> Sessions::by_handle(const std::string& handle) {
    std::lock_guard lock(mutex_);
    const auto it = by_handle_.find(handle);
    if (it == by_handle_.end()) return std::nullopt;
    return it->second.info;
}

void Sessions::close(const std::string& handle) {
    std::lock_guard lock(mutex_);
    by_handle_.erase(handle);
}

void Sessions::close_account(const std::string& account) {
    std::lock_guard lock(mutex_);
    std::erase_if(by_handle_, [&](const auto& kv) { return kv.second.info.account == account; });
}

std::size_t Sessions::size() {
    std::lock_guard lock(mutex_);
    return by_handle_.size();
}

void Sessions::forget_expired(TimePoint now) {
    if (now - last_sweep_ < std::chrono::minutes(10)) return;
    last_sweep_ = now;
    std::erase_if(by_handle_, [&](const auto& kv) { return expired(kv.second.opened, kv.second.last_seen, now); });
}

}  // namespace lp::auth
