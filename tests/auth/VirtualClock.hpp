#pragma once
#include <chrono>
#include <memory>

#include "auth/Clock.hpp"

namespace lp::test {

// A clock the test moves by hand.
class VirtualClock {
public:
    auth::Clock clock() const {
        return [now = now_] { return *now; };
    }
    void advance(std::chrono::system_clock::duration d) { *now_ += d; }

private:
    std::shared_ptr<auth::TimePoint> now_ = std::make_shared<auth::TimePoint>(
        std::chrono::sys_days{std::chrono::year{2026} / 12 / 1} + std::chrono::hours{8});
};

}  // namespace lp::test
