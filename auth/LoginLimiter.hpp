#pragma once
// Login attempts, rate-limited per client address and per account name: after `max_failures`
// failures within `window`, that address or name is refused until the oldest of them leaves the
// window. A success clears the account's failures (not the address's). Pure: the clock is
// injected; thread-safe. Names are kept to their first 64 bytes (the longest account name).

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/Clock.hpp"

namespace lp::auth {

class LoginLimiter {
public:
    explicit LoginLimiter(Clock clock, int max_failures = 5, std::chrono::seconds window = std::chrono::minutes(5))
        : clock_(std::move(clock)), max_failures_(max_failures), window_(window) {}

    // How long the caller must wait before trying again, or nullopt when it may try now.
    std::optional<std::chrono::seconds> refused_for(const std::string& client, const std::string& account);
    void failed(const std::string& client, const std::string& account);
    void succeeded(const std::string& account);
    // How many addresses and names are remembered.
    std::size_t tracked();

private:
    using Failures = std::deque<TimePoint>;
    std::optional<std::chrono::seconds> wait_of(Failures& f, TimePoint now);
    // Forgets the addresses and names whose failures all left the window, once the tables
    // grow large (a guessing run over many names must not grow them without bound). A table is
    // swept again only once it has doubled or a window has passed since its last sweep: a run
    // of guesses all inside the window, which no sweep can shorten, would otherwise cost every
    // failure a pass over the table.
    void forget_old(TimePoint now);
    struct Sweep {
        std::size_t size = 0;  // the table's size after it
        TimePoint at{};
    };
    Clock clock_;
    int max_failures_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, Failures> by_client_;
    std::unordered_map<std::string, Failures> by_account_;
    Sweep client_sweep_;
    Sweep account_sweep_;
};

}  // namespace lp::auth
