#include "daemon/TestClockJumps.hpp"

namespace lp::daemon {

// The hook of every program but loaphuongd-test (which links TestClockJumps.cpp before this library).
std::shared_ptr<void> watch_test_clock_jumps(boost::asio::io_context&, std::function<void()>) { return nullptr; }

}  // namespace lp::daemon
