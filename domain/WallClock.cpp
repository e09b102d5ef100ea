#include "domain/WallClock.hpp"

// Alone in its file: loaphuongd-test replaces both definitions (daemon/TestClockJumps.cpp).
namespace lp::domain {

std::chrono::system_clock::time_point wall_now() { return std::chrono::system_clock::now(); }

std::chrono::nanoseconds wall_offset() { return std::chrono::nanoseconds{0}; }

}  // namespace lp::domain
