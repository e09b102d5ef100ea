#include "daemon/TestClockJumps.hpp"

// The real hook: linked into loaphuongd-test only (daemon/CMakeLists.txt). It also replaces
// domain/WallClock.cpp, so that the whole process (loop, player, journal) reads the shifted clock.
#include <boost/asio/signal_set.hpp>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "daemon/Logging.hpp"
#include "domain/WallClock.hpp"

namespace lp {
namespace {

std::atomic<std::int64_t> offset_ns{0};

}  // namespace

namespace domain {

std::chrono::system_clock::time_point wall_now() {
    return std::chrono::system_clock::now() +
           std::chrono::duration_cast<std::chrono::system_clock::duration>(wall_offset());
}

std::chrono::nanoseconds wall_offset() { return std::chrono::nanoseconds{offset_ns.load()}; }

}  // namespace domain

namespace daemon {
namespace {

class ClockJumps {
public:
    ClockJumps(boost::asio::io_context& io, std::string file, std::function<void()> clock_was_set)
        : signals_(io, SIGUSR1), file_(std::move(file)), clock_was_set_(std::move(clock_was_set)) {
        wait();
    }

private:
    void wait() {
        signals_.async_wait([this](const boost::system::error_code& ec, int) {
            if (ec) return;  // the watch is gone
            jump();
            wait();
        });
    }

    void jump() {
        long long seconds = 0;
        if (!(std::ifstream(file_) >> seconds)) {
            logger("daemon")->error("test hook: {} holds no number of seconds; the wall clock is left as it is", file_);
            return;
        }
        const std::int64_t ns = seconds * 1'000'000'000LL;
        // Every watch reads the same file: the first to see a new offset says so.
        if (offset_ns.exchange(ns) != ns)
            logger("daemon")->warn("test hook: the wall clock is now {} s ahead of the machine's", seconds);
        clock_was_set_();
    }

    boost::asio::signal_set signals_;
    std::string file_;
    std::function<void()> clock_was_set_;
};

}  // namespace

std::shared_ptr<void> watch_test_clock_jumps(boost::asio::io_context& io, std::function<void()> clock_was_set) {
    const char* file = std::getenv("LOAPHUONG_TEST_WALL_CLOCK");
    if (!file) return nullptr;
    return std::make_shared<ClockJumps>(io, file, std::move(clock_was_set));
}

}  // namespace daemon
}  // namespace lp
