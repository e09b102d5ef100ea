#pragma once
// One blocking read of a mount's listener count from Icecast's /admin/stats. Runs on the
// listener sampler's own thread, never on the loop.

#include <chrono>
#include <string>

#include "reach/IcecastStats.hpp"

namespace lp::reach {

// Connects, sends GET /admin/stats with the admin account and reads the answer, all within
// `timeout` (a stalled or dead server costs no more). Throws std::runtime_error with the
// reason (refused, timed out, HTTP 401, not statistics).
int fetch_listeners(const StatsSource& source, std::chrono::milliseconds timeout);
// The statistics document itself, under the same bounds.
std::string fetch_stats(const StatsSource& source, std::chrono::milliseconds timeout);

}  // namespace lp::reach
