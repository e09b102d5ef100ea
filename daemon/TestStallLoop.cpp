#include "daemon/TestStallLoop.hpp"

// The real hook: linked into loaphuongd-test only (daemon/CMakeLists.txt).
#include <chrono>
#include <cstdlib>
#include <thread>

#include "daemon/Logging.hpp"

namespace lp::daemon {

void test_stall_loop() {
    using Steady = std::chrono::steady_clock;
    static const auto started = Steady::now();
    static const char* after = std::getenv("LOAPHUONG_TEST_STALL_LOOP_AFTER");
    if (!after) return;
    if (Steady::now() - started < std::chrono::duration<double>(std::atof(after))) return;
    logger("daemon")->warn("test hook: the loop stalls for good now");
    while (true) std::this_thread::sleep_for(std::chrono::hours{1});
}

}  // namespace lp::daemon
