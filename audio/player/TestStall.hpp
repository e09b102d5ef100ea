#pragma once
// A test-only fault: the environment variable LOAPHUONG_TEST_STALL_PLAYER_AFTER=<seconds> makes
// the player thread hang for good at its first beat that many seconds after it started (a
// decoder stuck on a dead file system, say), so that the watchdog test can show the pings
// stop. Only loaphuongd-test (built with LOAPHUONG_TEST_HOOKS, never installed) links the real
// hook (TestStall.cpp); everything else, the installed loaphuongd included, links the no-op
// in loaphuong_audio (NoTestStall.cpp) and ignores the variable.

namespace lp::audio::player {

void test_stall_point();

}  // namespace lp::audio::player
