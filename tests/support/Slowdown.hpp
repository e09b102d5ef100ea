#pragma once
#include <chrono>

namespace lp::test {

// A sanitizer build runs its processes several times slower, and starts them far slower (the
// CI runs its suite two at a time on two cores). Bounds on waits, and on latencies that include
// a process start (a CLI run, a daemon's start-up), are widened by this factor there; what a
// test asserts stays the same. Timing figures are the release run's job and the benches'.
// The factor is set once, in tests/CMakeLists.txt.
#ifdef LP_TEST_SLOWDOWN
inline constexpr int slowdown = LP_TEST_SLOWDOWN;
#else
inline constexpr int slowdown = 1;
#endif

template <typename Rep, typename Period>
constexpr std::chrono::duration<Rep, Period> slack(std::chrono::duration<Rep, Period> bound) {
    return bound * slowdown;
}

}  // namespace lp::test
