#include "daemon/TestStallLoop.hpp"

namespace lp::daemon {

// The hook of every program but loaphuongd-test (which links TestStallLoop.cpp before this library).
void test_stall_loop() {}

}  // namespace lp::daemon
