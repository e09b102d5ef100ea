#pragma once
// A callback at a local time of day, every day, on the event loop.

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>

#include "daemon/WallClockTimer.hpp"

namespace date {
class time_zone;
}

namespace lp::daemon {

// The first instant after `now` whose local time in `tz` is `time_of_day`. Pure.
std::chrono::system_clock::time_point next_daily(std::chrono::system_clock::time_point now, const date::time_zone* tz,
                                                 std::chrono::seconds time_of_day);

class DailyTimer {
public:
    using Callback = std::function<void(std::chrono::system_clock::time_point now)>;
    DailyTimer(boost::asio::io_context& io, const date::time_zone* tz, std::chrono::seconds time_of_day, Callback cb);

    // Arms the timer for the next occurrence; the callback runs on the loop thread, then re-arms.
    // When the wall clock is set, the next occurrence is recomputed (the callback does not run).
    void start();
    void cancel() { timer_.cancel(); }

private:
    WallClockTimer timer_;
    const date::time_zone* tz_;
    std::chrono::seconds time_of_day_;
    Callback callback_;
};

}  // namespace lp::daemon
