#include "scheduler/Calendar.hpp"

#include <date/tz.h>

#include <algorithm>

namespace lp::scheduler {
namespace {

constexpr int horizon_days = 400;

date::local_days to_local_days(LocalDate d) {
    return date::local_days{date::year{d.year} / date::month{d.month} / date::day{d.day}};
}

LocalDate from_local_days(date::local_days d) {
    const date::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

}  // namespace

bool airs_on(const Slot& slot, LocalDate day) {
    if (slot.first_day && day < *slot.first_day) return false;
    if (slot.last_day && *slot.last_day < day) return false;
    if (std::ranges::find(slot.skipped_days, day) != slot.skipped_days.end()) return false;
    const unsigned weekday = date::weekday{to_local_days(day)}.c_encoding();
    return std::ranges::find(slot.days, weekday) != slot.days.end();
}

std::optional<TimePoint> next_start(const Slot& slot, TimePoint after, const date::time_zone* tz,
                                    TimePoint daemon_start) {
    if (slot.relative_start) {
        const TimePoint at = daemon_start + *slot.relative_start;
        return at > after ? std::optional(at) : std::nullopt;
    }
    if (slot.days.empty()) return std::nullopt;
    auto day = date::floor<date::days>(tz->to_local(after));
    if (slot.first_day) day = std::max(day, to_local_days(*slot.first_day));
    for (int i = 0; i < horizon_days; ++i, day += date::days{1}) {
        const LocalDate d = from_local_days(day);
        if (slot.last_day && *slot.last_day < d) return std::nullopt;
        if (!airs_on(slot, d)) continue;
        const TimePoint at = tz->to_sys(date::local_seconds{day} + slot.start_of_day, date::choose::earliest);
        if (at > after) return at;
    }
    return std::nullopt;
}

std::optional<Occurrence> next_occurrence(const std::vector<Slot>& slots, TimePoint after, const date::time_zone* tz,
                                          TimePoint daemon_start) {
    std::optional<Occurrence> best;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto at = next_start(slots[i], after, tz, daemon_start);
        if (at && (!best || *at < best->at)) best = Occurrence{i, *at};
    }
    return best;
}

std::vector<Occurrence> occurrences_between(const std::vector<Slot>& slots, TimePoint from, TimePoint to,
                                            const date::time_zone* tz, TimePoint daemon_start) {
    std::vector<Occurrence> out;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        for (auto at = next_start(slots[i], from, tz, daemon_start); at && *at <= to;
             at = next_start(slots[i], *at, tz, daemon_start))
            out.push_back({i, *at});
    }
    std::ranges::sort(
        out, [](const Occurrence& a, const Occurrence& b) { return a.at != b.at ? a.at < b.at : a.slot < b.slot; });
    return out;
}

}  // namespace lp::scheduler
