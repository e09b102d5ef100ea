#include "daemon/DailyTimer.hpp"
#include "domain/WallClock.hpp"

#include <date/tz.h>

namespace lp::daemon {

std::chrono::system_clock::time_point next_daily(std::chrono::system_clock::time_point now, const date::time_zone* tz,
                                                 std::chrono::seconds time_of_day) {
    const auto local_day = date::floor<date::days>(tz->to_local(now));
    for (int d = 0; d < 3; ++d) {
        const auto at = tz->to_sys(local_day + date::days{d} + time_of_day, date::choose::earliest);
        if (at > now) return at;
    }
    return now + std::chrono::hours(24);  // unreachable for real zones
}

DailyTimer::DailyTimer(boost::asio::io_context& io, const date::time_zone* tz, std::chrono::seconds time_of_day,
                       Callback cb)
    : timer_(io), tz_(tz), time_of_day_(time_of_day), callback_(std::move(cb)) {}

void DailyTimer::start() {
    timer_.wait_until(next_daily(domain::wall_now(), tz_, time_of_day_), [this](bool clock_was_set) {
        if (!clock_was_set) callback_(domain::wall_now());
        start();
    });
}

}  // namespace lp::daemon
