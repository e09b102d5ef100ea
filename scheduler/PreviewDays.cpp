#include "scheduler/PreviewDays.hpp"

#include <algorithm>

#include "domain/Texts.hpp"
#include "scheduler/Calendar.hpp"

namespace lp::scheduler {
namespace {

PreviewDay* day_of(std::vector<PreviewDay>& out, LocalDate d) {
    const auto it = std::ranges::find(out, d, &PreviewDay::date);
    return it == out.end() ? nullptr : &*it;
}

std::optional<Priority> priority_of(const Rules& rules, const std::optional<std::int64_t>& one_off) {
    if (!one_off) return std::nullopt;
    const auto it = std::ranges::find(rules.one_offs, *one_off, &OneOff::id);
    return it == rules.one_offs.end() ? std::nullopt : std::optional(it->priority);
}

}  // namespace

std::vector<PreviewDay> preview_days(const Preview& p, const Rules& rules, LocalDate first, int days,
                                     const date::time_zone* tz) {
    std::vector<PreviewDay> out;
    for (auto d = first; static_cast<int>(out.size()) < days; d = domain::next_day(d)) out.push_back({d, {}, {}, {}});
    for (const auto& e : p.entries) {
        auto* day = day_of(out, local_date(tz, e.plan.at));
        if (!day) continue;
        auto at = e.plan.at;
        for (const auto& c : e.plan.cues) {
            const auto* item = rules.item(c.item);
            const Millis length = item ? item->duration : Millis{0};
            day->entries.push_back({e.plan.at, at, e.slot_name, c.item, item ? item->title : std::string{}, length,
                                    c.reason, priority_of(rules, c.one_off)});
            at += length;
        }
        for (const auto& s : e.plan.skipped) {
            const auto* item = s.item ? rules.item(s.item) : nullptr;
            day->skipped.push_back({e.plan.at, e.slot_name, s.item, item ? item->title : std::string{}, s.reason});
        }
    }
    const auto from = domain::start_of_day(tz, first);
    const auto to = domain::start_of_day(tz, out.empty() ? first : domain::next_day(out.back().date));
    for (const auto& o : rules.one_offs) {
        if (o.priority != Priority::emergency) continue;
        const auto* item = rules.item(o.item);
        for (int i = 0; i < std::max(o.repeat, 1); ++i) {
            const TimePoint t = o.at + i * o.gap;
            if (t < from || t >= to) continue;
            if (auto* day = day_of(out, local_date(tz, t)))
                day->entries.push_back({t, t, std::nullopt, o.item, item ? item->title : std::string{},
                                        item ? item->duration : Millis{0},
                                        std::string(domain::texts::emergency_cuts_programme), o.priority});
        }
    }
    for (auto& day : out) std::ranges::stable_sort(day.entries, {}, &PreviewCue::at);
    for (std::size_t i = 0; i < p.conflicts.size() && i < p.conflict_days.size(); ++i)
        if (auto* day = day_of(out, p.conflict_days[i])) day->warnings.push_back(p.conflicts[i]);
    return out;
}

}  // namespace lp::scheduler
