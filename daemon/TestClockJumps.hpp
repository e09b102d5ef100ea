#pragma once
// A test-only fault: a jump of the wall clock without root and without moving the machine's
// clock. With LOAPHUONG_TEST_WALL_CLOCK=<file> in its environment, loaphuongd-test reads the
// file at every SIGUSR1 as a number of seconds ("610", "-610") by which its wall clock
// (domain::wall_now()) is then ahead of CLOCK_REALTIME, and ends the wait of every
// WallClockTimer as the kernel does when CLOCK_REALTIME is set (TFD_TIMER_CANCEL_ON_SET): the
// daemon re-plans through its one clock-change path. Only loaphuongd-test links the real hook
// (TestClockJumps.cpp, with its own domain::wall_now()); the rest, the installed loaphuongd
// included, the no-op in loaphuong_daemon (NoTestClockJumps.cpp): no offset, no SIGUSR1.

#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>

namespace lp::daemon {

// Calls `clock_was_set` on the loop after each jump, while the returned handle lives; null
// when there is no hook.
std::shared_ptr<void> watch_test_clock_jumps(boost::asio::io_context& io, std::function<void()> clock_was_set);

}  // namespace lp::daemon
