#include "audio/player/SampleKernels.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace lp::audio::player {

float peak(std::span<const float> samples) {
    // On the bit patterns: without the sign bit, IEEE floats order like unsigned integers,
    // and an integer max vectorises where a float max (NaN rules) does not.
    std::uint32_t largest = 0;
    for (const float x : samples) {
        std::uint32_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        bits &= 0x7fff'ffffU;
        largest = bits > largest ? bits : largest;
    }
    float result;
    std::memcpy(&result, &largest, sizeof result);
    return result;
}

void scale_to_s16(std::span<const float> in, float factor, Sample* out) {
    const std::size_t n = in.size();
    const float* x = in.data();
    for (std::size_t i = 0; i < n; ++i) {
        const float v = x[i] * factor;
        out[i] = static_cast<Sample>(static_cast<std::int32_t>(v + std::copysign(0.5F, v)));
    }
}

}  // namespace lp::audio::player
