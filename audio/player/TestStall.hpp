#pragma once
// A test-only fault: in builds configured with LOAPHUONG_TEST_HOOKS, the environment variable
// LOAPHUONG_TEST_STALL_PLAYER_AFTER=<seconds> makes the player thread hang for good at its
// first beat that many seconds after it started (a decoder stuck on a dead file system, say),
// so that the watchdog test can show the pings stop. Other builds compile it to nothing.

namespace lp::audio::player {

#ifdef LOAPHUONG_TEST_HOOKS
void test_stall_point();
#else
inline void test_stall_point() {}
#endif

}  // namespace lp::audio::player
