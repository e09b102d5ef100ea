#pragma once
#include <chrono>
#include <functional>

#include "domain/WallClock.hpp"

namespace lp::auth {

using TimePoint = std::chrono::system_clock::time_point;
// Injected into everything here that measures time, so tests run on a virtual clock.
using Clock = std::function<TimePoint()>;

inline Clock system_clock() {
    return [] { return domain::wall_now(); };
}

}  // namespace lp::auth
