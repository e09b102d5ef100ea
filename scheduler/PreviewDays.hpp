#pragma once
// The plan preview day by day, as the API gives it to the page: every cue with its expected
// start, the slot occurrence it belongs to and why it was picked; what is left out and why;
// the day's warnings. Emergencies air at their own time, outside any slot. Pure.

#include <optional>
#include <string>
#include <vector>

#include "scheduler/Model.hpp"
#include "scheduler/Preview.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

struct PreviewCue {
    TimePoint slot_at;                // the occurrence's start (an emergency's own time)
    TimePoint at;                     // expected start of this cue: the occurrence's start plus the cues before it
    std::optional<std::string> slot;  // none for an emergency
    ItemId item = 0;
    std::string title;
    Millis length{0};
    std::string reason;
    std::optional<Priority> priority;  // the one-off's, when the cue is one
};

struct PreviewSkip {
    TimePoint slot_at;
    std::string slot;
    ItemId item = 0;  // 0: no item to name (an empty pool)
    std::string title;
    std::string reason;
};

struct PreviewDay {
    LocalDate date;
    std::vector<PreviewCue> entries;  // in time order
    std::vector<PreviewSkip> skipped;
    std::vector<std::string> warnings;
};

// `days` days from `first`, from a preview `p` of exactly that range over `rules`.
std::vector<PreviewDay> preview_days(const Preview& p, const Rules& rules, LocalDate first, int days,
                                     const date::time_zone* tz);

}  // namespace lp::scheduler
