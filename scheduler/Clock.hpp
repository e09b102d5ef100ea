#pragma once
#include <chrono>

#include "domain/WallClock.hpp"

namespace lp::scheduler {

using TimePoint = std::chrono::system_clock::time_point;

// Wall-clock time as the scheduler sees it. The daemon uses SystemClock; tests drive a
// VirtualClock so that a simulated year runs without waiting.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return domain::wall_now(); }
};

class VirtualClock final : public Clock {
public:
    explicit VirtualClock(TimePoint start) : now_(start) {}
    TimePoint now() const override { return now_; }
    void set(TimePoint t) { now_ = t; }
    void advance(std::chrono::system_clock::duration d) { now_ += d; }

private:
    TimePoint now_;
};

}  // namespace lp::scheduler
