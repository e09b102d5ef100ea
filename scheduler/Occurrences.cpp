#include "scheduler/Occurrences.hpp"

#include <date/tz.h>

#include <algorithm>

namespace lp::scheduler {

std::optional<TimePoint> next_start(const config::SlotConfig& slot, TimePoint after,
                                    const date::time_zone* tz, TimePoint daemon_start) {
    if (slot.relative_start) {
        const TimePoint at = daemon_start + *slot.relative_start;
        return at > after ? std::optional(at) : std::nullopt;
    }
    if (slot.days.empty()) return std::nullopt;
    const auto local_after = tz->to_local(after);
    auto day = date::floor<date::days>(local_after);
    // Eight days cover every weekday once plus today's slot already passed.
    for (int i = 0; i < 8; ++i, day += date::days{1}) {
        const unsigned weekday = date::weekday{day}.c_encoding();
        if (std::ranges::find(slot.days, weekday) == slot.days.end()) continue;
        const auto local = date::local_seconds{day} + slot.start_of_day;
        const TimePoint at = tz->to_sys(local, date::choose::earliest);
        if (at > after) return at;
    }
    return std::nullopt;
}

std::optional<Occurrence> next_occurrence(const std::vector<config::SlotConfig>& slots, TimePoint after,
                                          const date::time_zone* tz, TimePoint daemon_start) {
    std::optional<Occurrence> best;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto at = next_start(slots[i], after, tz, daemon_start);
        if (at && (!best || *at < best->at)) best = Occurrence{i, *at};
    }
    return best;
}

}  // namespace lp::scheduler
