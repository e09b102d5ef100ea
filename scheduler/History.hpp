#pragma once
#include <map>
#include <optional>
#include <vector>

#include "scheduler/Model.hpp"

namespace lp::scheduler {

// When each item aired (reached listeners). Built from the journal at start-up, then fed by
// the player's started events; the planner reads it for fair rotation.
class History {
public:
    History() = default;
    // From the journal's airing times by item (journal::airing_times_since), any order.
    explicit History(std::map<ItemId, std::vector<TimePoint>> airings);
    void record(ItemId item, TimePoint at);
    // Airings of `item` in [from, to).
    int count(ItemId item, TimePoint from, TimePoint to) const;
    std::optional<TimePoint> last(ItemId item) const;
    // Drops entries before `t` (the rotation window's start), so memory stays bounded.
    void forget_before(TimePoint t);

private:
    std::map<ItemId, std::vector<TimePoint>> airings_;  // each sorted
};

}  // namespace lp::scheduler
