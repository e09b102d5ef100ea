#include "audio/player/TestStall.hpp"

// The real hook: linked into loaphuongd-test only (daemon/CMakeLists.txt).
#include <chrono>
#include <cstdlib>
#include <optional>
#include <thread>

#include "audio/detail/Log.hpp"

namespace lp::audio::player {

void test_stall_point() {
    using Steady = std::chrono::steady_clock;
    static const std::optional<Steady::time_point> stall_at = []() -> std::optional<Steady::time_point> {
        const char* after = std::getenv("LOAPHUONG_TEST_STALL_PLAYER_AFTER");
        if (!after) return std::nullopt;
        return Steady::now() +
               std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(std::atof(after)));
    }();
    if (!stall_at || Steady::now() < *stall_at) return;
    detail::logger("audio")->warn("test hook: the player thread stalls for good now");
    while (true) std::this_thread::sleep_for(std::chrono::hours{1});
}

}  // namespace lp::audio::player
