#pragma once
// A test-only fault: LOAPHUONG_TEST_STALL_LOOP_AFTER=<seconds> makes the loop hang for good at
// its first health tick that long after the first (the watchdog test's stuck loop). Only
// loaphuongd-test links the real hook (TestStallLoop.cpp); the rest, the installed loaphuongd
// included, the no-op in loaphuong_daemon (NoTestStallLoop.cpp).

namespace lp::daemon {

void test_stall_loop();

}  // namespace lp::daemon
