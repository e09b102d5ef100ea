#pragma once
// Pure slot arithmetic: when does a slot air next. No I/O, no waiting.

#include <cstddef>
#include <optional>
#include <vector>

#include "config/Config.hpp"
#include "scheduler/Clock.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

struct Occurrence {
    std::size_t slot;  // index into the slot list
    TimePoint at;
    bool operator==(const Occurrence&) const = default;
};

// The first start of `slot` strictly after `after`, in the zone's local time. A relative slot
// ("+60s") has one start, `daemon_start` + its offset. None when the slot never airs again.
std::optional<TimePoint> next_start(const config::SlotConfig& slot, TimePoint after,
                                    const date::time_zone* tz, TimePoint daemon_start);

// The earliest next start over all slots (ties: the first slot in the list).
std::optional<Occurrence> next_occurrence(const std::vector<config::SlotConfig>& slots, TimePoint after,
                                          const date::time_zone* tz, TimePoint daemon_start);

}  // namespace lp::scheduler
