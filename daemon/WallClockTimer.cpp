#include "daemon/WallClockTimer.hpp"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>
#include <utility>

#include "daemon/TestClockJumps.hpp"
#include "domain/WallClock.hpp"

namespace lp::daemon {
namespace {

int make_timerfd() {
    const int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "timerfd_create() failed");
    return fd;
}

}  // namespace

WallClockTimer::WallClockTimer(boost::asio::io_context& io)
    : fd_(io, make_timerfd()), test_jumps_(watch_test_clock_jumps(io, [this] { set_by_test(); })) {}

WallClockTimer::~WallClockTimer() = default;

void WallClockTimer::arm(std::chrono::system_clock::time_point at) {
    using namespace std::chrono;
    // The kernel's CLOCK_REALTIME instant for the wall instant `at` (the same but in loaphuongd-test).
    const auto since_epoch = duration_cast<nanoseconds>(at.time_since_epoch()) - domain::wall_offset();
    // An instant already passed fires at once; never pass 0, which would disarm the timer.
    const auto s = std::max<long long>(duration_cast<seconds>(since_epoch).count(), 0);
    const auto ns = std::max<long long>(duration_cast<nanoseconds>(since_epoch - seconds(s)).count(), 1);
    itimerspec spec{};
    spec.it_value.tv_sec = static_cast<time_t>(s);
    spec.it_value.tv_nsec = static_cast<long>(ns);
    if (timerfd_settime(fd_.native_handle(), TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr) != 0)
        throw std::system_error(errno, std::generic_category(), "timerfd_settime() failed");
}

void WallClockTimer::wait_until(std::chrono::system_clock::time_point at, Handler handler) {
    handler_ = std::move(handler);
    ++generation_;
    set_by_test_ = false;  // as re-arming a timerfd clears its cancellation
    arm(at);
    wait();
}

void WallClockTimer::wait() {
    fd_.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                   [this, generation = generation_](const boost::system::error_code& ec) {
                       if (ec || generation != generation_) return;  // cancelled or replaced
                       std::uint64_t expirations = 0;
                       const ssize_t n = ::read(fd_.native_handle(), &expirations, sizeof expirations);
                       if (n < 0 && errno == EAGAIN) {
                           wait();  // a stale readiness from a replaced wait
                           return;
                       }
                       ++wakeups_;
                       // ECANCELED: CLOCK_REALTIME was set. loaphuongd-test's jump reads the same.
                       const bool clock_was_set = (n < 0 && errno == ECANCELED) || std::exchange(set_by_test_, false);
                       auto handler = std::move(handler_);
                       handler_ = nullptr;
                       if (handler) handler(clock_was_set);
                   });
}

void WallClockTimer::set_by_test() {
    if (!handler_) return;  // nothing waits
    set_by_test_ = true;
    // An instant long passed: the timerfd is readable at once and the wait ends as for a set clock.
    arm(std::chrono::system_clock::time_point{});
}

void WallClockTimer::cancel() {
    ++generation_;
    handler_ = nullptr;
    fd_.cancel();
}

}  // namespace lp::daemon
