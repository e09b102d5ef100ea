#include "auth/LoginLimiter.hpp"

#include <algorithm>
#include <utility>

namespace lp::auth {

std::optional<std::chrono::seconds> LoginLimiter::wait_of(Failures& f, TimePoint now) {
    while (!f.empty() && now - f.front() >= window_) f.pop_front();
    if (static_cast<int>(f.size()) < max_failures_) return std::nullopt;
    // Free again when the oldest failure that keeps it at the limit leaves the window.
    const auto until = f[f.size() - static_cast<std::size_t>(max_failures_)] + window_;
    const auto wait = std::chrono::ceil<std::chrono::seconds>(until - now);
    return std::max(wait, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> LoginLimiter::refused_for(const std::string& client,
                                                              const std::string& account_name) {
    const auto now = clock_();
    const auto account = account_name.substr(0, 64);
    std::lock_guard lock(mutex_);
    std::optional<std::chrono::seconds> wait;
    if (auto it = by_client_.find(client); it != by_client_.end()) {
        wait = wait_of(it->second, now);
        if (it->second.empty()) by_client_.erase(it);
    }
    if (auto it = by_account_.find(account); it != by_account_.end()) {
        if (auto w = wait_of(it->second, now)) wait = std::max(wait.value_or(std::chrono::seconds(0)), *w);
        if (it->second.empty()) by_account_.erase(it);
    }
    return wait;
}

void LoginLimiter::forget_old(TimePoint now) {
    constexpr std::size_t large = 10000;
    for (auto [table, sweep] : {std::pair{&by_client_, &client_sweep_}, std::pair{&by_account_, &account_sweep_}}) {
        if (table->size() <= large) continue;
        if (table->size() <= sweep->size * 2 && now - sweep->at < window_) continue;
        std::erase_if(*table, [&](const auto& kv) { return kv.second.empty() || now - kv.second.back() >= window_; });
        *sweep = {table->size(), now};
    }
}

void LoginLimiter::failed(const std::string& client, const std::string& account_name) {
    const auto now = clock_();
    const auto account = account_name.substr(0, 64);
    std::lock_guard lock(mutex_);
    forget_old(now);
    // Bounded: a failure beyond the limit only matters for its time, so keep the last ones.
    for (auto* f : {&by_client_[client], &by_account_[account]}) {
        f->push_back(now);
        while (static_cast<int>(f->size()) > max_failures_) f->pop_front();
    }
}

void LoginLimiter::succeeded(const std::string& account) {
    std::lock_guard lock(mutex_);
    by_account_.erase(account.substr(0, 64));
}

std::size_t LoginLimiter::tracked() {
    std::lock_guard lock(mutex_);
    return by_client_.size() + by_account_.size();
}

}  // namespace lp::auth
