#pragma once
#include <cstdint>

namespace lp::audio {

// The player's internal format: interleaved signed 16-bit PCM. Each output converts from it.
using Sample = std::int16_t;

struct PcmFormat {
    int sample_rate = 48000;
    int channels = 2;
    bool operator==(const PcmFormat&) const = default;
};

}  // namespace lp::audio
