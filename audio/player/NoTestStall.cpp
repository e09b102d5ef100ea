#include "audio/player/TestStall.hpp"

namespace lp::audio::player {

// The hook of every program but loaphuongd-test (which links TestStall.cpp before this library).
void test_stall_point() {}

}  // namespace lp::audio::player
