#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace lp::daemon {

// A one-shot timer on the wall clock (CLOCK_REALTIME, absolute), which also fires when the
// wall clock is set (NTP at boot, an operator): timerfd with TFD_TIMER_CANCEL_ON_SET.
// Asio's system_timer waits a relative duration on the monotonic clock and would sleep
// through such a jump; slots are wall-clock instants, so this timer is the scheduler's only
// source of wake-ups (no polling). The instants are the process's wall time
// (domain::wall_now()), which only loaphuongd-test shifts from CLOCK_REALTIME: its jumps end
// the wait as a set clock does (daemon/TestClockJumps.hpp). Used on the loop thread only.
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
    void set_by_test();

    boost::asio::posix::stream_descriptor fd_;
    Handler handler_;
    unsigned long generation_ = 0;
    unsigned long wakeups_ = 0;
    bool set_by_test_ = false;  // loaphuongd-test jumped its wall clock during this wait
    std::shared_ptr<void> test_jumps_;
};

}  // namespace lp::daemon
