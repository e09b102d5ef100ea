#include "scheduler/Engine.hpp"

#include <algorithm>

#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "scheduler/Calendar.hpp"

namespace lp::scheduler {
namespace {

std::string missed_reason(std::chrono::system_clock::duration late) { return domain::texts::missed_start(late); }

// One-off instances in the order they are decided: by instant, then by id.
bool decided_before(const OneOff& a, const OneOff& b) { return a.at != b.at ? a.at < b.at : a.id < b.id; }

}  // namespace

Engine::Engine(Rules rules, const date::time_zone* tz, TimePoint daemon_start, Marks done, History history,
               Seconds preroll)
    : rules_(std::move(rules)),
      tz_(tz),
      daemon_start_(daemon_start),
      marks_(done),
      history_(std::move(history)),
      preroll_(preroll) {}

void Engine::set_rules(Rules rules) { rules_ = std::move(rules); }

std::vector<OneOff> Engine::instances(Priority p, TimePoint after, TimePoint until) const {
    std::vector<OneOff> out;
    for (const auto& o : rules_.one_offs) {
        if (o.priority != p) continue;
        for (int i = 0; i < std::max(o.repeat, 1); ++i) {
            OneOff instance = o;
            instance.at = o.at + i * o.gap;
            if (instance.at > after && instance.at <= until) out.push_back(instance);
        }
    }
    std::ranges::sort(out, decided_before);
    return out;
}

std::optional<Engine::Due> Engine::next_slots() const {
    const auto first = next_occurrence(rules_.slots, marks_.slots, tz_, daemon_start_);
    if (!first) return std::nullopt;
    Due due{first->at, {}, {}};
    for (std::size_t i = 0; i < rules_.slots.size(); ++i)
        if (next_start(rules_.slots[i], marks_.slots, tz_, daemon_start_) == first->at) due.slots.push_back(i);
    return due;
}

std::optional<Engine::Due> Engine::next_emergencies() const {
    auto all = instances(Priority::emergency, marks_.emergencies, TimePoint::max());
    auto next = instances(Priority::next, marks_.emergencies, TimePoint::max());
    if (!next.empty()) {
        all.insert(all.end(), next.begin(), next.end());
        std::ranges::sort(all, decided_before);
    }
    if (all.empty()) return std::nullopt;
    Due due{all.front().at, {}, {}};
    for (const auto& o : all)
        if (o.at == due.at) due.emergencies.push_back(o);
    return due;
}

bool Engine::is_live(decltype(OneOff::item) item) const {
    const ItemInfo* info = rules_.item(item);
    return info != nullptr && info->is_live();
}

TimePoint Engine::decided_at(const Due& due) const {
    auto t = due.at;
    for (const auto& o : due.emergencies)
        // A live source's emergency (loaphuong live start): its source connects in the pre-roll.
        if (o.priority == Priority::emergency && is_live(o.item)) t = std::min(t, o.at - preroll_);
    return t;
}

std::optional<TimePoint> Engine::next_wakeup() const {
    std::optional<TimePoint> t;
    if (const auto s = next_slots()) t = s->at - preroll_;
    if (const auto e = next_emergencies(); e && (!t || decided_at(*e) < *t)) t = decided_at(*e);
    return t;
}

Decisions Engine::tick(TimePoint now) {
    Decisions d;
    while (true) {
        const auto s = next_slots();
        const auto e = next_emergencies();
        const bool slot_due = s && s->at - preroll_ <= now;
        const bool emergency_due = e && decided_at(*e) <= now;
        if (!slot_due && !emergency_due) break;
        if (emergency_due && (!slot_due || e->at <= s->at)) {
            for (const auto& o : e->emergencies) {
                if (o.priority == Priority::next)
                    decide_next(o, now, d);
                else
                    decide_emergency(o, now, d);
            }
            marks_.emergencies = e->at;
            continue;
        }
        // One-offs waiting for a slot go to the first slot that starts at or after them.
        auto attached = instances(Priority::priority, marks_.slots, s->at);
        for (auto& o : instances(Priority::normal, marks_.slots, s->at)) attached.push_back(std::move(o));
        bool first = true;
        for (const std::size_t slot : s->slots) {
            decide_slot(slot, s->at, now, first ? attached : std::vector<OneOff>{}, d);
            first = false;
        }
        marks_.slots = s->at;
    }
    history_.forget_before(now - rules_.rotation_window - std::chrono::days{1});
    return d;
}

void Engine::decide_slot(std::size_t slot_index, TimePoint at, TimePoint now, const std::vector<OneOff>& attached,
                         Decisions& d) {
    const Slot& slot = rules_.slots[slot_index];
    if (adopted(slot.name + "@" + domain::to_utc_text(at))) return;  // decided before a crash, resumed
    const Plan plan = plan_occurrence(rules_, slot_index, at, tz_, history_, attached);
    for (const auto& w : plan.warnings) d.notes.push_back("slot \"" + slot.name + "\": " + w);
    for (const auto& s : plan.skipped) d.not_aired.push_back({s.item, slot.name, at, NotAiredKind::skipped, s.reason});
    if (now - at > rules_.grace) {
        for (const auto& c : plan.cues)
            d.not_aired.push_back({c.item, slot.name, at, NotAiredKind::missed, missed_reason(now - at)});
        d.notes.push_back("slot \"" + slot.name + "\" at " + domain::to_utc_text(at) + " missed");
        return;
    }
    if (plan.cues.empty()) return;
    Order order{
        slot.name + "@" + domain::to_utc_text(at), slot.name, at, std::max(at, now), plan.cues, slot.outputs, "", 0};
    order.ends_by = at + slot.max_length;
    hand_out(std::move(order), d);
}

bool Engine::airable_now(const OneOff& o, const std::string& name, TimePoint now, Decisions& d) const {
    const ItemInfo* item = rules_.item(o.item);
    if (!item) {
        d.not_aired.push_back(
            {o.item, name, o.at, NotAiredKind::skipped, std::string(domain::texts::not_in_library), o.id});
        return false;
    }
    // An emergency order is the order to air: the library's approval is not waited for.
    if (auto why = item->why_not_airable(local_date(tz_, o.at), o.priority != Priority::emergency)) {
        d.not_aired.push_back({o.item, name, o.at, NotAiredKind::skipped, "\"" + item->title + "\" " + *why, o.id});
        return false;
    }
    if (now - o.at > rules_.grace) {
        d.not_aired.push_back({o.item, name, o.at, NotAiredKind::missed, missed_reason(now - o.at), o.id});
        return false;
    }
    return true;
}

void Engine::decide_next(const OneOff& o, TimePoint now, Decisions& d) {
    const std::string name(domain::texts::play_next_slot);
    const std::string id = "next#" + std::to_string(o.id) + "@" + domain::to_utc_text(o.at);
    if (adopted(id) || !airable_now(o, name, now, d)) return;
    Order order{id, name, o.at, now, {{o.item, std::string(domain::texts::play_next_cue), o.id}}, o.outputs, "", 0};
    // Behind what the player was handed, it starts when that ends: not an instant of the schedule.
    order.resumption = busy();
    hand_out(std::move(order), d);
}

void Engine::decide_emergency(const OneOff& o, TimePoint now, Decisions& d) {
    const std::string name = "Phát khẩn cấp";
    if (adopted("emergency#" + std::to_string(o.id) + "@" + domain::to_utc_text(o.at))) return;
    if (!airable_now(o, name, now, d)) return;
    // A live source's is decided a pre-roll ahead, for its source to connect in; one decided
    // later (ordered for "now") still gets that pre-roll, its start moving with it.
    const auto start = is_live(o.item) ? std::max(o.at, now + preroll_) : std::max(o.at, now);
    // Cut what plays; whatever was handed out resumes after the emergency: the cut item again
    // from its start when it still fits the slot, then the items that had not started.
    if (!in_flight_.empty() && cut_player_)
        if (const auto at = cut_player_()) catch_up(*at);
    // Orders handed out earlier in this same tick (a late loop: a restart, a loaded machine)
    // have not reached the player: they air once, after the emergency, as the rest it cut,
    // not also before it.
    std::erase_if(d.air, [&](const Order& handed) { return in_flight_.contains(handed.id); });
    std::vector<Order> resumed;
    bool first = true;
    for (const auto& id : in_flight_order_) {
        const auto it = in_flight_.find(id);
        if (it == in_flight_.end() || it->second.stopped) continue;
        if (auto rest = rest_after_cut(it->second, o, now, first, d)) resumed.push_back(std::move(*rest));
        first = false;
    }
    if (!in_flight_.empty()) d.stop_current = true;
    in_flight_.clear();
    in_flight_order_.clear();
    hand_out({"emergency#" + std::to_string(o.id) + "@" + domain::to_utc_text(o.at),
              name,
              o.at,
              start,
              {{o.item, "phát khẩn cấp, ngắt chương trình đang phát", o.id}},
              o.outputs,
              "",
              0},
             d);
    for (auto& r : resumed) hand_out(std::move(r), d);
}

std::optional<Order> Engine::rest_after_cut(const InFlight& f, const OneOff& emergency, TimePoint now, bool first,
                                            Decisions& d) {
    const auto& cues = f.order.cues;
    std::size_t from = 0;
    if (f.playing) from = f.playing_ended ? *f.playing + 1 : *f.playing;
    const bool cuts_an_item = first && f.playing && !f.playing_ended;
    if (cuts_an_item) {
        // Does the cut item, aired again after the emergency, still end within the slot?
        const auto duration_of = [&](ItemId id) {
            const ItemInfo* info = rules_.item(id);
            return info ? info->duration : Millis{0};
        };
        const ItemInfo* urgent = rules_.item(emergency.item);
        // A live source ordered as an emergency (loaphuong live start) airs until the
        // operator stops it, its planned length only a bound: the programme after it is
        // the operator's to resume, so only what follows the cut counts against the slot.
        auto end = now + (urgent && urgent->is_live() ? Millis{0} : duration_of(emergency.item));
        for (std::size_t i = from; i < cues.size(); ++i) end += duration_of(cues[i].item);
        const std::string cutter = domain::texts::emergency_cutter(
            emergency.id, urgent ? std::optional{urgent->title} : std::nullopt, domain::local_time_text(tz_, now));
        const bool fits = end <= f.order.ends_by;
        d.cut_reason = domain::texts::cut_by(cutter, fits);
        if (!fits) {
            d.not_aired.push_back({cues[from].item, f.order.slot_name, f.order.scheduled_at, NotAiredKind::skipped,
                                   domain::texts::not_aired_again_after(cutter)});
            ++from;
        }
    }
    if (from >= cues.size()) return std::nullopt;
    Order rest = f.order;
    rest.id = f.order.id + "/resume" + std::to_string(++resumes_);
    rest.cues.assign(cues.begin() + static_cast<std::ptrdiff_t>(from), cues.end());
    rest.start = std::max(f.order.start, now);
    rest.resumes = f.order.id;
    rest.resumes_from = from;
    rest.resumption = rest.resumption || f.playing.has_value();
    return rest;
}

bool Engine::adopted(const std::string& id) const { return adopted_.contains(id); }

void Engine::catch_up(const PlayerPosition& at) {
    const auto it = in_flight_.find(at.order);
    if (it == in_flight_.end()) return;  // an order already done: none in flight has started
    // The player plays the orders in the order they were handed out: it has passed the earlier ones.
    while (!in_flight_order_.empty() && in_flight_order_.front() != at.order) {
        in_flight_.erase(in_flight_order_.front());
        in_flight_order_.erase(in_flight_order_.begin());
    }
    it->second.playing = at.cue;
    it->second.playing_ended = at.ended;
}

void Engine::hand_out(Order order, Decisions& d) {
    in_flight_order_.push_back(order.id);
    in_flight_[order.id] = InFlight{order, std::nullopt};
    d.air.push_back(std::move(order));
}

namespace {

// "Sáng@t/resume1/restart@t2" continues "Sáng@t/resume1"; a restart of a restart, the same.
std::string origin_of(const std::string& id) { return id.substr(0, id.find("/restart@")); }

}  // namespace

void Engine::adopt(const Order& order) {
    adopted_.insert(origin_of(order.id));
    in_flight_order_.push_back(order.id);
    in_flight_[order.id] = InFlight{order, std::nullopt};
}

void Engine::cue_started(const std::string& order, std::size_t cue, TimePoint at) {
    const auto it = in_flight_.find(order);
    if (it == in_flight_.end() || cue >= it->second.order.cues.size()) return;
    it->second.playing = cue;
    it->second.playing_ended = false;
    history_.record(it->second.order.cues[cue].item, at);
}

void Engine::cue_finished(const std::string& order, std::size_t cue) {
    const auto it = in_flight_.find(order);
    if (it == in_flight_.end() || it->second.playing != cue) return;
    it->second.playing_ended = true;
}

void Engine::order_done(const std::string& order) {
    in_flight_.erase(order);
    std::erase(in_flight_order_, order);
}

void Engine::operator_stopped() {
    for (auto& [id, flight] : in_flight_) flight.stopped = true;
}

}  // namespace lp::scheduler
