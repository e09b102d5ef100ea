#pragma once
#include <filesystem>
#include <span>
#include <vector>

namespace lp::test {

// A raw little-endian s16 file (e.g. what AlsaTap captured) as samples; empty if missing.
std::vector<short> read_s16(const std::filesystem::path& path);

// Root mean square of channel `channel` of interleaved samples, in [0, 32768].
double rms(std::span<const short> interleaved, int channels = 1, int channel = 0);

// Dominant frequency of a tone on one channel, estimated from rising zero crossings
// (good for the pure sines make_audio writes). 0 for silence.
double dominant_frequency(std::span<const short> interleaved, int sample_rate, int channels = 1, int channel = 0);

}  // namespace lp::test
