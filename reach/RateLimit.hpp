#pragma once
// How often the public feedback form may be sent: at most `per_client` times in `client_window`
// by one client (DailyKey's name) and `overall` times an hour by everyone together (a flood from
// many addresses). Pure: time is given; memory is bounded by forgetting clients whose sends all
// left the window. Not thread-safe: used on the loop.

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/Time.hpp"

namespace lp::reach {

class RateLimit {
public:
    RateLimit(int per_client, std::chrono::seconds client_window, int overall)
        : per_client_(per_client), client_window_(client_window), overall_(overall) {}
    // nullopt: allowed, and recorded. Otherwise how long to wait; nothing is recorded.
    std::optional<std::chrono::seconds> take(domain::TimePoint now, const std::string& client);

private:
    using Sends = std::deque<domain::TimePoint>;
    int per_client_;
    std::chrono::seconds client_window_;
    int overall_;
    std::unordered_map<std::string, Sends> by_client_;
    Sends all_;
};

}  // namespace lp::reach
