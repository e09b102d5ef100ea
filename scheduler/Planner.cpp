#include "scheduler/Planner.hpp"

#include <algorithm>
#include <set>

#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "scheduler/Calendar.hpp"

namespace lp::scheduler {
namespace {

class Builder {
public:
    Builder(const Rules& rules, const Slot& slot, TimePoint at, const date::time_zone* tz, const History& history,
            Plan& plan)
        : rules_(rules), slot_(slot), at_(at), tz_(tz), day_(local_date(tz, at)), history_(history), plan_(plan) {
        for (const auto& e : slot.programme)
            if (e.kind == Entry::Kind::closing_jingle)
                if (const auto* item = rules.item(e.item)) reserved_ += item->duration;
    }

    // Adds a named item if it may air and fits; otherwise records why it is left out.
    void add(ItemId id, std::string reason, std::optional<std::int64_t> one_off = {}, bool closing = false) {
        const ItemInfo* item = rules_.item(id);
        if (!item) {
            plan_.skipped.push_back({id, std::string(domain::texts::not_in_library)});
            return;
        }
        if (auto why = item->why_not_airable(day_)) {
            plan_.skipped.push_back({id, "\"" + item->title + "\" " + *why});
            return;
        }
        if (closing) reserved_ -= item->duration;
        const Millis room = slot_.max_length - plan_.length - reserved_;
        if (item->duration > room) {
            plan_.skipped.push_back({id, domain::texts::does_not_fit_slot(item->duration, room)});
            return;
        }
        used_.insert(id);
        for (const auto& t : item->topics) topics_.insert(t);
        plan_.length += item->duration;
        plan_.cues.push_back({id, std::move(reason), one_off});
    }

    // Fair rotation: least aired over the window first, then topics not yet in this programme,
    // then the longest unaired, then the oldest item. Never the same item twice in a slot.
    // Each pick re-ranks, since the topics already chosen change.
    void pick(const Entry& entry) {
        const TimePoint window_start = at_ - rules_.rotation_window;
        struct Rank {
            int count;
            int topic_overlap;
            std::optional<TimePoint> last;
            ItemId id;
            bool operator<(const Rank& o) const {
                if (count != o.count) return count < o.count;
                if (topic_overlap != o.topic_overlap) return topic_overlap < o.topic_overlap;
                if (last != o.last) return !last || (o.last && *last < *o.last);
                return id < o.id;
            }
        };
        int picked = 0;
        for (; picked < entry.count; ++picked) {
            const Millis room = slot_.max_length - plan_.length - reserved_;
            std::optional<Rank> best;
            for (const auto& item : rules_.items) {
                if (used_.contains(item.id) || item.duration > room || !entry.filter.matches(item) ||
                    item.why_not_airable(day_))
                    continue;
                const Rank r{history_.count(item.id, window_start, at_),
                             static_cast<int>(std::ranges::count_if(
                                 item.topics, [&](const std::string& t) { return topics_.contains(t); })),
                             history_.last(item.id), item.id};
                if (!best || r < *best) best = r;
            }
            if (!best) break;
            add(best->id,
                "chọn từ kho: " + std::to_string(best->count) + " lượt trong " +
                    std::to_string(rules_.rotation_window.count()) + " ngày qua" +
                    (best->last ? ", lần cuối " + domain::local_date_text(tz_, *best->last) : ", chưa phát lần nào"));
        }
        if (picked < entry.count)
            plan_.warnings.push_back("kho chỉ đưa được " + std::to_string(picked) + "/" + std::to_string(entry.count) +
                                     " tin (thiếu tin phù hợp, đã duyệt, còn hạn hoặc thiếu thời lượng)");
    }

private:
    const Rules& rules_;
    const Slot& slot_;
    TimePoint at_;
    const date::time_zone* tz_;
    LocalDate day_;
    const History& history_;
    Plan& plan_;
    Millis reserved_{0};
    std::set<ItemId> used_;
    std::set<std::string> topics_;
};

}  // namespace

Plan plan_occurrence(const Rules& rules, std::size_t slot_index, TimePoint at, const date::time_zone* tz,
                     const History& history, const std::vector<OneOff>& attached) {
    const Slot& slot = rules.slots.at(slot_index);
    Plan plan;
    plan.slot = slot_index;
    plan.at = at;
    Builder b(rules, slot, at, tz, history, plan);
    for (const auto& e : slot.programme)
        if (e.kind == Entry::Kind::opening_jingle) b.add(e.item, "nhạc hiệu mở đầu");
    for (const auto& o : attached)
        if (o.priority == Priority::priority) b.add(o.item, "phát đột xuất, ưu tiên", o.id);
    for (const auto& e : slot.programme) {
        if (e.kind == Entry::Kind::fixed) b.add(e.item, "tin cố định của khung giờ");
        if (e.kind == Entry::Kind::pool) b.pick(e);
    }
    for (const auto& o : attached)
        if (o.priority == Priority::normal) b.add(o.item, "phát đột xuất, thông thường", o.id);
    for (const auto& e : slot.programme)
        if (e.kind == Entry::Kind::closing_jingle) b.add(e.item, "nhạc hiệu kết thúc", {}, true);
    if (plan.cues.empty()) plan.warnings.push_back("khung giờ không có gì để phát");
    return plan;
}

}  // namespace lp::scheduler
