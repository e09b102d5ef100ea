#pragma once
// What an operator should know before saving a slot: the other slots it overlaps (same
// weekday, same output, windows that meet) and what of its programme will not air. Pure: the
// API's slot editor words nothing itself and decides only whether saving needs `force`.

#include <string>
#include <vector>

#include "scheduler/Model.hpp"

namespace lp::scheduler {

struct SlotReview {
    std::vector<std::string> overlaps;  // with other slots (Vietnamese): saving them needs force
    std::vector<std::string> notes;     // items that will not air, pools that pick nothing, too long
    std::vector<std::string> all() const;
};

// Whether the two slots play on at least one common output (an empty list is every output).
bool share_output(const Slot& a, const Slot& b);

// The weekdays of `slot` (0 = Sunday) on which its window [start, start + max_length) meets a
// window of `other` on a common output, within both date ranges. A window past midnight
// meets the next day's. Slots with a relative start ("+60s", demo) overlap nothing.
std::vector<unsigned> overlap_days(const Slot& slot, const Slot& other);

// `slot` as it would be saved, against the other slots of `rules` (one of the same name is
// the slot being replaced and is ignored) and the library in `rules`. `today` is the first day
// the programme's items are checked on (or the slot's first day, when later).
SlotReview review_slot(const Slot& slot, const Rules& rules, LocalDate today);

}  // namespace lp::scheduler
