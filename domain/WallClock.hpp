#pragma once
// The wall time the programs live by. Every reading of "now" goes through wall_now(), so that
// a clock jump can be staged in a test: loaphuongd-test, the daemon built with test hooks and
// never installed, links its own definitions (daemon/TestClockJumps.cpp) that shift it by an
// offset the fault tests move, without setting the machine's clock. Everything else, the
// installed loaphuongd included, links WallClock.cpp: CLOCK_REALTIME and nothing more.

#include <chrono>

namespace lp::domain {

std::chrono::system_clock::time_point wall_now();

// wall_now() minus CLOCK_REALTIME: zero but in loaphuongd-test. A timer armed on CLOCK_REALTIME
// for a wall instant arms it at the instant minus this.
std::chrono::nanoseconds wall_offset();

}  // namespace lp::domain
