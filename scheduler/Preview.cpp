#include "scheduler/Preview.hpp"

#include <algorithm>
#include <set>

#include "domain/Time.hpp"
#include "scheduler/Calendar.hpp"
#include "scheduler/SlotCheck.hpp"

namespace lp::scheduler {
namespace {

std::string when(const date::time_zone* tz, TimePoint t) {
    return domain::local_time_text(tz, t) + " ngày " + domain::local_date_text(tz, t);
}

}  // namespace

Preview preview(const Rules& rules, History history, TimePoint from, TimePoint to, const date::time_zone* tz) {
    Preview p;
    std::set<std::string> said;
    auto conflict = [&](std::string text, LocalDate day) {
        if (!said.insert(text).second) return;
        p.conflicts.push_back(std::move(text));
        p.conflict_days.push_back(day);
    };
    TimePoint previous = from - std::chrono::milliseconds(1);
    for (const auto& occ : occurrences_between(rules.slots, previous, to - std::chrono::milliseconds(1), tz, from)) {
        std::vector<OneOff> attached;
        for (const auto& o : rules.one_offs) {
            if (o.priority == Priority::emergency || o.priority == Priority::next) continue;
            for (int i = 0; i < std::max(o.repeat, 1); ++i) {
                const TimePoint t = o.at + i * o.gap;
                if (t > previous && t <= occ.at) {
                    OneOff instance = o;
                    instance.at = t;
                    attached.push_back(instance);
                }
            }
        }
        previous = occ.at;
        const Slot& slot = rules.slots[occ.slot];
        Plan plan = plan_occurrence(rules, occ.slot, occ.at, tz, history, attached);
        TimePoint t = occ.at;
        for (const auto& c : plan.cues) {
            history.record(c.item, t);
            if (const auto* item = rules.item(c.item)) t += item->duration;
        }
        for (const auto& w : plan.warnings)
            conflict("Khung giờ \"" + slot.name + "\" lúc " + when(tz, occ.at) + ": " + w, local_date(tz, occ.at));
        if (plan.length < slot.max_length / 2 && !plan.cues.empty())
            conflict("Khung giờ \"" + slot.name + "\" dài " + std::to_string(slot.max_length.count() / 60) +
                         " phút nhưng chỉ có " + domain::duration_text(plan.length) + " nội dung",
                     local_date(tz, occ.at));
        p.entries.push_back({std::move(plan), slot.name, t});
    }
    for (const auto& o : rules.one_offs)
        if (o.priority == Priority::emergency && o.at >= from && o.at < to)
            conflict("Phát khẩn cấp lúc " + when(tz, o.at) + " sẽ ngắt chương trình đang phát", local_date(tz, o.at));
    // Two slots on the same output whose windows overlap.
    for (std::size_t i = 0; i < p.entries.size(); ++i) {
        for (std::size_t j = i + 1; j < p.entries.size(); ++j) {
            const auto& a = p.entries[i];
            const auto& b = p.entries[j];
            const auto& sa = rules.slots[a.plan.slot];
            const auto& sb = rules.slots[b.plan.slot];
            if (b.plan.at >= a.plan.at + sa.max_length) break;
            if (share_output(sa, sb))
                conflict("Khung giờ \"" + sa.name + "\" và \"" + sb.name + "\" chồng lên nhau lúc " +
                             when(tz, b.plan.at) + " trên cùng đầu ra",
                         local_date(tz, b.plan.at));
        }
    }
    // Items whose validity ends within the range: the operator should prepare replacements.
    for (const auto& item : rules.items)
        if (item.valid_until && !item.retired && local_date(tz, from) <= *item.valid_until &&
            *item.valid_until < local_date(tz, to))
            conflict(
                "Tin \"" + item.title + "\" hết hạn sử dụng sau ngày " + domain::display_date_text(*item.valid_until),
                *item.valid_until);
    return p;
}

}  // namespace lp::scheduler
