#include "daemon/WallClockTimer.hpp"

#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

namespace lp::daemon {
namespace {

int make_timerfd() {
    const int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "timerfd_create() failed");
    return fd;
}

}  // namespace

WallClockTimer::WallClockTimer(boost::asio::io_context& io) : fd_(io, make_timerfd()) {}

WallClockTimer::~WallClockTimer() = default;

void WallClockTimer::arm(std::chrono::system_clock::time_point at) {
    using namespace std::chrono;
    const auto since_epoch = at.time_since_epoch();
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
                       const bool clock_was_set = n < 0 && errno == ECANCELED;
                       auto handler = std::move(handler_);
                       handler_ = nullptr;
                       if (handler) handler(clock_was_set);
                   });
}

void WallClockTimer::cancel() {
    ++generation_;
    handler_ = nullptr;
    fd_.cancel();
}

}  // namespace lp::daemon
