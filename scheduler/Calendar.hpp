#pragma once
// Pure slot arithmetic: when does a slot air. No I/O, no waiting.

#include <cstddef>
#include <optional>
#include <vector>

#include "scheduler/Model.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

struct Occurrence {
    std::size_t slot;  // index into the slot list
    TimePoint at;
    bool operator==(const Occurrence&) const = default;
};

using domain::local_date;

// Whether the slot airs on that local day (weekday, date range, skipped days).
bool airs_on(const Slot& slot, LocalDate day);

// The first start of `slot` strictly after `after`, in the zone's local time. A relative slot
// ("+60s") has one start, `daemon_start` + its offset. None when the slot never airs again
// (within the next 400 days).
std::optional<TimePoint> next_start(const Slot& slot, TimePoint after, const date::time_zone* tz,
                                    TimePoint daemon_start);

// The earliest next start over all slots (ties: the first slot in the list).
std::optional<Occurrence> next_occurrence(const std::vector<Slot>& slots, TimePoint after, const date::time_zone* tz,
                                          TimePoint daemon_start);

// Every start in (from, to], in time order.
std::vector<Occurrence> occurrences_between(const std::vector<Slot>& slots, TimePoint from, TimePoint to,
                                            const date::time_zone* tz, TimePoint daemon_start);

}  // namespace lp::scheduler
