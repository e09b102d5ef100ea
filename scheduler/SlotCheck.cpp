#include "scheduler/SlotCheck.hpp"

#include <date/date.h>

#include <algorithm>
#include <set>

#include "domain/Texts.hpp"

namespace lp::scheduler {
namespace {

constexpr std::int64_t day_s = 24 * 3600;
constexpr std::int64_t week_s = 7 * day_s;

unsigned weekday_of(LocalDate d) {
    return date::weekday{date::sys_days{date::year{d.year} / date::month{d.month} / date::day{d.day}}}.c_encoding();
}

// The weekdays both slots can meet on: all seven, or those of the common date range when it
// is shorter than a week; none when the ranges do not meet.
std::set<unsigned> common_weekdays(const Slot& a, const Slot& b) {
    std::optional<LocalDate> from = a.first_day, until = a.last_day;
    if (b.first_day && (!from || *from < *b.first_day)) from = b.first_day;
    if (b.last_day && (!until || *b.last_day < *until)) until = b.last_day;
    std::set<unsigned> out{0, 1, 2, 3, 4, 5, 6};
    if (!from || !until) return out;
    if (*until < *from) return {};
    out.clear();
    for (auto d = *from; !(*until < d) && out.size() < 7; d = domain::next_day(d)) out.insert(weekday_of(d));
    return out;
}

std::string window_text(const Slot& s) {
    const auto hhmm = [](std::int64_t seconds) {
        return domain::duration_text(std::chrono::seconds(seconds % day_s)).substr(0, 5);
    };
    return hhmm(s.start_of_day.count()) + "–" + hhmm(s.start_of_day.count() + s.max_length.count());
}

}  // namespace

std::vector<std::string> SlotReview::all() const {
    auto out = overlaps;
    out.insert(out.end(), notes.begin(), notes.end());
    return out;
}

bool share_output(const Slot& a, const Slot& b) {
    if (a.outputs.empty() || b.outputs.empty()) return true;  // empty = every output
    return std::ranges::any_of(
        a.outputs, [&](const std::string& o) { return std::ranges::find(b.outputs, o) != b.outputs.end(); });
}

std::vector<unsigned> overlap_days(const Slot& slot, const Slot& other) {
    std::vector<unsigned> out;
    if (slot.relative_start || other.relative_start || !share_output(slot, other)) return out;
    const auto weekdays = common_weekdays(slot, other);
    const auto length_a = std::min<std::int64_t>(slot.max_length.count(), week_s);
    const auto length_b = std::min<std::int64_t>(other.max_length.count(), week_s);
    for (const unsigned a : slot.days) {
        if (!weekdays.contains(a % 7)) continue;
        const bool meets = std::ranges::any_of(other.days, [&](unsigned b) {
            if (!weekdays.contains(b % 7)) return false;
            const auto start_a = (a % 7) * day_s + slot.start_of_day.count();
            const auto start_b = (b % 7) * day_s + other.start_of_day.count();
            const auto offset = ((start_b - start_a) % week_s + week_s) % week_s;  // b after a, around the week
            return offset < length_a || week_s - offset < length_b;
        });
        if (meets && std::ranges::find(out, a % 7) == out.end()) out.push_back(a % 7);
    }
    // Monday first, Sunday last, as the operator reads a week.
    std::ranges::sort(out, {}, [](unsigned d) { return (d + 6) % 7; });
    return out;
}

SlotReview review_slot(const Slot& slot, const Rules& rules, LocalDate today) {
    SlotReview r;
    for (const auto& other : rules.slots) {
        if (other.name == slot.name) continue;
        const auto days = overlap_days(slot, other);
        if (!days.empty())
            r.overlaps.push_back(
                domain::texts::slot_overlap(slot.name, window_text(slot), other.name, window_text(other), days));
    }
    const LocalDate day = slot.first_day && today < *slot.first_day ? *slot.first_day : today;
    std::set<ItemId> named;
    Millis fixed{0};
    int pools = 0;
    for (const auto& e : slot.programme) {
        if (e.kind == Entry::Kind::pool) {
            ++pools;
            const bool any = std::ranges::any_of(
                rules.items, [&](const ItemInfo& i) { return e.filter.matches(i) && !i.why_not_airable(day); });
            if (!any) r.notes.push_back(domain::texts::pool_matches_nothing(pools));
            continue;
        }
        const auto* item = rules.item(e.item);
        if (!item) continue;  // the caller refuses unknown items before this
        if (const auto why = item->why_not_airable(day)) {
            if (named.insert(item->id).second)
                r.notes.push_back(domain::texts::item_will_not_air(item->id, item->title, *why));
            continue;
        }
        fixed += item->duration;
    }
    if (fixed > slot.max_length) r.notes.push_back(domain::texts::fixed_items_too_long(fixed, slot.max_length));
    return r;
}

}  // namespace lp::scheduler
