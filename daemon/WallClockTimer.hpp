#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <chrono>
#include <functional>

namespace lp::daemon {

// A one-shot timer on the wall clock (CLOCK_REALTIME, absolute), which also fires when the
// wall clock is set (NTP at boot, an operator): timerfd with TFD_TIMER_CANCEL_ON_SET.
// Asio's system_timer waits a relative duration on the monotonic clock and would sleep
// through such a jump; slots are wall-clock instants, so this timer is the scheduler's only
// source of wake-ups (no polling). Used on the loop thread only.
class WallClockTimer {
public:
    using Handler = std::function<void(bool clock_was_set)>;

    explicit WallClockTimer(boost::asio::io_context& io);  // throws std::system_error
    ~WallClockTimer();
    WallClockTimer(const WallClockTimer&) = delete;
    WallClockTimer& operator=(const WallClockTimer&) = delete;

    // Calls `handler(false)` at `at`, or `handler(true)` as soon as the wall clock is set.
    // Replaces any earlier wait (its handler is not called).
    void wait_until(std::chrono::system_clock::time_point at, Handler handler);
    void cancel();
    // Wake-ups so far (for the idle benchmark).
    unsigned long wakeups() const { return wakeups_; }

private:
    void arm(std::chrono::system_clock::time_point at);
    void wait();

    boost::asio::posix::stream_descriptor fd_;
    Handler handler_;
    unsigned long generation_ = 0;
    unsigned long wakeups_ = 0;
};

}  // namespace lp::daemon
