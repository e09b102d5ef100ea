#include "scheduler/History.hpp"

#include <algorithm>

namespace lp::scheduler {

History::History(std::map<ItemId, std::vector<TimePoint>> airings) : airings_(std::move(airings)) {
    for (auto& [item, v] : airings_) std::sort(v.begin(), v.end());
}

void History::record(ItemId item, TimePoint at) {
    auto& v = airings_[item];
    v.insert(std::upper_bound(v.begin(), v.end(), at), at);
}

int History::count(ItemId item, TimePoint from, TimePoint to) const {
    const auto it = airings_.find(item);
    if (it == airings_.end()) return 0;
    const auto& v = it->second;
    return static_cast<int>(std::lower_bound(v.begin(), v.end(), to) - std::lower_bound(v.begin(), v.end(), from));
}

std::optional<TimePoint> History::last(ItemId item) const {
    const auto it = airings_.find(item);
    if (it == airings_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

void History::forget_before(TimePoint t) {
    for (auto& [item, v] : airings_) v.erase(v.begin(), std::lower_bound(v.begin(), v.end(), t));
}

}  // namespace lp::scheduler
