// Scheduler benchmark: decides a full year of the ward's programme (the same rules as the
// year test: two daily slots, a CCHC segment three days a week with pool rotation, holidays,
// emergencies) in virtual time, and, as the reference in the same run, expands the same
// year's slot occurrences with the calendar alone. Prints both and the ratio.

#include <chrono>
#include <cstdio>

#include "scheduler/Calendar.hpp"
#include "tests/scheduler/Programme.hpp"
#include "tests/scheduler/Simulator.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int main() {
    using lp::test::local_time;
    const auto from = local_time(2026, 1, 1, 0, 0);
    const auto to = local_time(2027, 1, 1, 0, 0);
    auto rules = lp::test::ward_year();
    rules.one_offs = {
        {1, lp::test::emergency_item, local_time(2026, 3, 10, 5, 33), lp::scheduler::Priority::emergency, 1, {}, {}},
        {2,
         lp::test::emergency_item,
         local_time(2026, 10, 5, 9, 0),
         lp::scheduler::Priority::emergency,
         3,
         std::chrono::minutes(30),
         {}},
    };
    constexpr int runs = 5;
    double plan_best = 1e9, calendar_best = 1e9;
    std::size_t airings = 0, occurrences = 0;
    int wakeups = 0;
    for (int i = 0; i < runs; ++i) {
        auto t0 = Clock::now();
        lp::test::Simulator sim(rules, lp::test::vietnam(), from);
        sim.run_until(to);
        plan_best = std::min(plan_best, seconds_since(t0));
        airings = sim.airings().size();
        wakeups = sim.wakeups();
        t0 = Clock::now();
        occurrences = lp::scheduler::occurrences_between(rules.slots, from, to, lp::test::vietnam(), from).size();
        calendar_best = std::min(calendar_best, seconds_since(t0));
    }
    std::printf("year planned and decided: %zu occurrences, %zu airings, %d wake-ups\n", occurrences, airings, wakeups);
    std::printf("engine + rotation + player double: %.1f ms (best of %d)\n", plan_best * 1000, runs);
    std::printf("reference, calendar expansion only: %.1f ms (best of %d)\n", calendar_best * 1000, runs);
    std::printf("ratio: %.1fx\n", plan_best / calendar_best);
}
