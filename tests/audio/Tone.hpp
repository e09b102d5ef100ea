#pragma once
#include <cmath>
#include <numbers>
#include <vector>

#include "audio/PcmFormat.hpp"

namespace lp::audio::test {

// The format most audio tests decode to and play: 48 kHz stereo.
inline constexpr PcmFormat stereo48{48000, 2};

// `frames` of an interleaved sine at `frequency` on every channel, amplitude ~0.5 FS.
inline std::vector<Sample> tone(PcmFormat format, std::size_t frames, double frequency) {
    std::vector<Sample> samples(frames * static_cast<std::size_t>(format.channels));
    for (std::size_t i = 0; i < frames; ++i) {
        const double v =
            16000.0 * std::sin(2 * std::numbers::pi * frequency * static_cast<double>(i) / format.sample_rate);
        for (int c = 0; c < format.channels; ++c)
            samples[i * static_cast<std::size_t>(format.channels) + static_cast<std::size_t>(c)] =
                static_cast<Sample>(std::lround(v));
    }
    return samples;
}

// The same tone as the decoder hands it to the player: interleaved float, full scale ±1.0.
inline std::vector<float> float_tone(PcmFormat format, std::size_t frames, double frequency) {
    const auto s16 = tone(format, frames, frequency);
    std::vector<float> samples(s16.size());
    for (std::size_t i = 0; i < s16.size(); ++i) samples[i] = static_cast<float>(s16[i]) / 32768.0F;
    return samples;
}

}  // namespace lp::audio::test
