#pragma once
// Runs the scheduler Engine in virtual time against a player double: a simulated year takes
// well under a second, and every instant is exact, so tests can assert "aired at its instant".

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "journal/Status.hpp"
#include "scheduler/Clock.hpp"
#include "scheduler/Engine.hpp"

namespace lp::test {

using scheduler::TimePoint;

struct SimAiring {
    scheduler::ItemId item;
    std::string order;
    std::string slot;
    TimePoint scheduled_at;
    TimePoint started;
    TimePoint ended;
    journal::Status status;
};

// The player double: plays each cue for the item's duration in virtual time.
class FakePlayer {
public:
    explicit FakePlayer(const scheduler::Rules& rules) : rules_(&rules) {}
    void set_rules(const scheduler::Rules& rules) { rules_ = &rules; }
    void play(scheduler::Order order) { queue_.push_back(std::move(order)); }
    std::optional<TimePoint> next_event(TimePoint now) const;
    // Advances to `now`, reporting started/finished/done to the engine and the log.
    void advance(TimePoint now, scheduler::Engine& engine, std::vector<SimAiring>& log);
    // Cuts the cue that plays (interrupted) and drops the queue.
    void stop(TimePoint now, scheduler::Engine& engine, std::vector<SimAiring>& log);
    bool idle() const { return queue_.empty(); }

private:
    scheduler::Millis duration_of(scheduler::ItemId item) const;
    const scheduler::Rules* rules_;
    std::deque<scheduler::Order> queue_;
    std::optional<std::size_t> cue_;  // playing cue of queue_.front()
    TimePoint cue_started_;
};

class Simulator {
public:
    Simulator(scheduler::Rules rules, const date::time_zone* tz, TimePoint start, scheduler::Marks marks = {});

    // Runs events up to and including `end`.
    void run_until(TimePoint end);
    // The wall clock jumps (NTP, an operator) to `t`; the engine learns it at once, as the
    // daemon does from its cancel-on-set timer.
    void jump_to(TimePoint t);
    // The daemon dies at the current instant (the playing airing is journaled interrupted on
    // restart) and starts again at `t` with the marks and history it had persisted.
    void crash_and_restart_at(TimePoint t);
    void set_rules(scheduler::Rules rules);

    TimePoint now() const { return clock_.now(); }
    const std::vector<SimAiring>& airings() const { return airings_; }
    const std::vector<scheduler::NotAired>& not_aired() const { return not_aired_; }
    const std::vector<scheduler::Order>& orders() const { return orders_; }
    scheduler::Engine& engine() { return *engine_; }
    int wakeups() const { return wakeups_; }

private:
    void apply(const scheduler::Decisions& d);
    scheduler::Rules rules_;
    const date::time_zone* tz_;
    scheduler::VirtualClock clock_;
    std::unique_ptr<scheduler::Engine> engine_;
    FakePlayer player_;
    std::vector<SimAiring> airings_;
    std::vector<scheduler::NotAired> not_aired_;
    std::vector<scheduler::Order> orders_;
    int wakeups_ = 0;
};

}  // namespace lp::test
