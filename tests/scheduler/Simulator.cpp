#include "tests/scheduler/Simulator.hpp"

#include <algorithm>
#include <memory>

namespace lp::test {

using scheduler::Millis;

Millis FakePlayer::duration_of(scheduler::ItemId item) const {
    const auto* info = rules_->item(item);
    return info ? info->duration : Millis{0};
}

std::optional<TimePoint> FakePlayer::next_event(TimePoint now) const {
    if (queue_.empty()) return std::nullopt;
    const auto& order = queue_.front();
    if (!cue_) return std::max(order.start, now);
    return cue_started_ + duration_of(order.cues[*cue_].item);
}

void FakePlayer::advance(TimePoint now, scheduler::Engine& engine, std::vector<SimAiring>& log) {
    while (!queue_.empty()) {
        auto& order = queue_.front();
        if (!cue_) {
            if (order.start > now) return;
            cue_ = 0;
            cue_started_ = std::max(order.start, cue_started_);
            engine.cue_started(order.id, 0, cue_started_);
            continue;
        }
        const TimePoint end = cue_started_ + duration_of(order.cues[*cue_].item);
        if (end > now) return;
        log.push_back({order.cues[*cue_].item, order.id, order.slot_name, order.scheduled_at, cue_started_, end,
                       journal::Status::completed});
        engine.cue_finished(order.id, *cue_);
        cue_started_ = end;
        if (*cue_ + 1 < order.cues.size()) {
            ++*cue_;
            engine.cue_started(order.id, *cue_, cue_started_);
            continue;
        }
        const std::string id = order.id;
        queue_.pop_front();
        cue_.reset();
        engine.order_done(id);
    }
}

void FakePlayer::stop(TimePoint now, scheduler::Engine& engine, std::vector<SimAiring>& log) {
    if (!queue_.empty() && cue_) {
        const auto& order = queue_.front();
        log.push_back({order.cues[*cue_].item, order.id, order.slot_name, order.scheduled_at, cue_started_, now,
                       journal::Status::interrupted});
    }
    cue_.reset();
    cue_started_ = now;
    while (!queue_.empty()) {
        const std::string id = queue_.front().id;
        queue_.pop_front();
        engine.order_done(id);
    }
}

Simulator::Simulator(scheduler::Rules rules, const date::time_zone* tz, TimePoint start, scheduler::Marks marks)
    : rules_(std::move(rules)), tz_(tz), clock_(start), player_(rules_) {
    if (marks.slots == TimePoint{}) marks = {start, start};
    engine_ = std::make_unique<scheduler::Engine>(rules_, tz_, start, marks, scheduler::History{});
    apply(engine_->tick(start));
}

void Simulator::apply(const scheduler::Decisions& d) {
    if (d.stop_current) player_.stop(clock_.now(), *engine_, airings_);
    for (const auto& o : d.air) {
        orders_.push_back(o);
        player_.play(o);
    }
    for (const auto& n : d.not_aired) not_aired_.push_back(n);
    player_.advance(clock_.now(), *engine_, airings_);
}

void Simulator::run_until(TimePoint end) {
    while (true) {
        const auto engine_at = engine_->next_wakeup();
        const auto player_at = player_.next_event(clock_.now());
        std::optional<TimePoint> t = engine_at;
        if (player_at && (!t || *player_at < *t)) t = player_at;
        if (!t || *t > end) break;
        clock_.set(std::max(*t, clock_.now()));
        ++wakeups_;
        player_.advance(clock_.now(), *engine_, airings_);
        apply(engine_->tick(clock_.now()));
    }
    clock_.set(std::max(end, clock_.now()));
    player_.advance(clock_.now(), *engine_, airings_);
}

void Simulator::jump_to(TimePoint t) {
    // Audio keeps its own pace: what played finishes by the old clock, then time is `t`.
    clock_.set(t);
    apply(engine_->tick(t));
}

void Simulator::crash_and_restart_at(TimePoint t) {
    player_.stop(clock_.now(), *engine_, airings_);
    scheduler::History history;
    for (const auto& a : airings_) history.record(a.item, a.started);
    const auto marks = engine_->marks();
    clock_.set(t);
    engine_ = std::make_unique<scheduler::Engine>(rules_, tz_, t, marks, std::move(history));
    apply(engine_->tick(t));
}

void Simulator::set_rules(scheduler::Rules rules) {
    rules_ = std::move(rules);
    player_.set_rules(rules_);
    engine_->set_rules(rules_);
    apply(engine_->tick(clock_.now()));
}

}  // namespace lp::test
