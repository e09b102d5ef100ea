#include "reach/RateLimit.hpp"

#include <algorithm>
#include <iterator>

namespace lp::reach {
namespace {

using std::chrono::seconds;

void drop_before(std::deque<domain::TimePoint>& sends, domain::TimePoint since) {
    while (!sends.empty() && sends.front() <= since) sends.pop_front();
}

seconds wait_until(domain::TimePoint free_at, domain::TimePoint now) {
    return std::max(seconds(1), std::chrono::ceil<seconds>(free_at - now));
}

}  // namespace

std::optional<seconds> RateLimit::take(domain::TimePoint now, const std::string& client) {
    constexpr auto hour = std::chrono::hours(1);
    drop_before(all_, now - hour);
    if (static_cast<int>(all_.size()) >= overall_) return wait_until(all_.front() + hour, now);
    if (by_client_.size() > 10000) {
        for (auto it = by_client_.begin(); it != by_client_.end();) {
            drop_before(it->second, now - client_window_);
            it = it->second.empty() ? by_client_.erase(it) : std::next(it);
        }
    }
    auto& mine = by_client_[client];
    drop_before(mine, now - client_window_);
    if (static_cast<int>(mine.size()) >= per_client_) return wait_until(mine.front() + client_window_, now);
    mine.push_back(now);
    all_.push_back(now);
    return std::nullopt;
}

}  // namespace lp::reach
