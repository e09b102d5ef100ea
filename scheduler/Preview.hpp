#pragma once
// What will air when, with the reasons for each pick and the conflicts an operator should
// fix: the published broadcast schedule. Pure: simulates the rotation forward in a copy of
// the history, as the engine would decide it.

#include <string>
#include <vector>

#include "scheduler/History.hpp"
#include "scheduler/Model.hpp"
#include "scheduler/Planner.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

struct PreviewEntry {
    Plan plan;
    std::string slot_name;
    TimePoint end;  // start + the cues' length
};

struct Preview {
    std::vector<PreviewEntry> entries;     // in time order
    std::vector<std::string> conflicts;    // Vietnamese, for the operator
    std::vector<LocalDate> conflict_days;  // the local day each conflict concerns (same order)
};

// Occurrences in [from, to).
Preview preview(const Rules& rules, History history, TimePoint from, TimePoint to, const date::time_zone* tz);

}  // namespace lp::scheduler
