#pragma once
// Builds what one slot occurrence airs: jingles, priority one-offs, fixed items, fair pool
// picks, normal one-offs — and what it leaves out, with the reason. Pure.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "scheduler/History.hpp"
#include "scheduler/Model.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

struct PlannedCue {
    ItemId item = 0;
    std::string reason;  // why it is here (Vietnamese, shown in previews)
    std::optional<std::int64_t> one_off;
};

struct LeftOut {
    ItemId item = 0;  // 0 when there was no item to name (an empty pool)
    std::string reason;
};

struct Plan {
    std::size_t slot = 0;
    TimePoint at;
    std::vector<PlannedCue> cues;
    std::vector<LeftOut> skipped;       // did not fit or may not air: journaled `skipped`
    std::vector<std::string> warnings;  // for the operator's preview
    Millis length{0};                   // of the cues
};

// One-offs attach to the first slot occurrence at or after their time.
Plan plan_occurrence(const Rules& rules, std::size_t slot, TimePoint at, const date::time_zone* tz,
                     const History& history, const std::vector<OneOff>& attached);

}  // namespace lp::scheduler
