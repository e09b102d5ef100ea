#pragma once
#include <span>

#include "audio/PcmFormat.hpp"

namespace lp::audio::player {

// The two loops every second of audio runs through, kept apart so that they are compiled
// for the vectoriser (see audio/CMakeLists.txt): they are most of the player's own CPU.

// Largest |x| of the samples (a NaN counts as larger than anything, so it never passes as
// quiet).
float peak(std::span<const float> samples);

// out[i] = round(in[i] * factor), half away from zero. The caller guarantees that every
// |in[i] * factor| < 32767.5 (checked with peak()): no clamping here.
void scale_to_s16(std::span<const float> in, float factor, Sample* out);

}  // namespace lp::audio::player
