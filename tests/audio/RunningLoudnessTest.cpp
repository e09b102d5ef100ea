// The running loudness of a live source against libebur128 (without its histogram, so
// exact) fed the same audio in the same pieces: the same K-weighting, blocks and gates give
// the same figure at every second, for any rate, channel count and level history, within
// 0.05 LU. What differs is the blocks within 0.01 LU of the relative gate, which are gated
// by their bin's mean: in LevelChanges… a whole segment sits on the gate and the figures part
// by 0.03 LU there (libebur128's own histogram mode, which the running gain used before,
// parts from its exact figure by 0.13 LU at the same point).
#include <gtest/gtest.h>
#include <ebur128.h>

#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "audio/live/RunningLoudness.hpp"

using lp::audio::live::RunningLoudness;

namespace {

struct Segment {
    double seconds;
    double level_db;  // of the noise, dBFS RMS; a tone when tone_hz > 0
    double tone_hz = 0;
};

// Interleaved test audio: each channel its own band-limited noise (or the tone), so the
// channels' weights show.
std::vector<float> make(const std::vector<Segment>& segments, std::size_t channels, int rate) {
    std::mt19937 random{7};
    std::normal_distribution<double> noise{0.0, 1.0};
    std::vector<float> out;
    std::vector<double> smooth(channels, 0.0);
    std::size_t n = 0;
    for (const auto& s : segments) {
        const double amplitude = std::pow(10.0, s.level_db / 20.0);
        const auto frames = static_cast<std::size_t>(s.seconds * rate);
        for (std::size_t f = 0; f < frames; ++f, ++n)
            for (std::size_t c = 0; c < channels; ++c) {
                double v = 0;
                if (s.tone_hz > 0) {
                    v = std::sqrt(2.0) * std::sin(2 * M_PI * s.tone_hz * static_cast<double>(n) / rate);
                } else {
                    smooth[c] = 0.7 * smooth[c] + 0.3 * noise(random);  // tilted towards the lows, like speech
                    v = smooth[c] * 2.0;
                }
                out.push_back(static_cast<float>(amplitude * v * (1.0 + 0.1 * static_cast<double>(c))));
            }
    }
    return out;
}

struct Reference {
    std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> state;
    Reference(std::size_t channels, int rate)
        : state(ebur128_init(static_cast<unsigned>(channels), static_cast<unsigned long>(rate), EBUR128_MODE_I),
                [](ebur128_state* s) { ebur128_destroy(&s); }) {}
    double integrated() const {
        double lufs = 0;
        EXPECT_EQ(ebur128_loudness_global(state.get(), &lufs), EBUR128_SUCCESS);
        return lufs;
    }
};

// Feeds both in pieces of `piece` frames and compares them every second of audio.
void expect_same(const std::vector<float>& audio, std::size_t channels, int rate, std::size_t piece = 777) {
    RunningLoudness ours{channels, rate};
    Reference theirs{channels, rate};
    ASSERT_TRUE(theirs.state);
    const std::size_t frames = audio.size() / channels;
    std::size_t next_second = static_cast<std::size_t>(rate);
    int compared = 0;
    for (std::size_t f = 0; f < frames; f += piece) {
        const std::size_t n = std::min(piece, frames - f);
        ours.add({audio.data() + f * channels, n * channels});
        ASSERT_EQ(ebur128_add_frames_float(theirs.state.get(), audio.data() + f * channels, n), EBUR128_SUCCESS);
        if (f + n < next_second) continue;
        next_second += static_cast<std::size_t>(rate);
        const double a = ours.integrated();
        const double b = theirs.integrated();
        if (std::isinf(b)) {
            EXPECT_TRUE(std::isinf(a) && a < 0) << "at frame " << f + n << ": " << a;
        } else {
            EXPECT_NEAR(a, b, 0.05) << "at frame " << f + n;
            ++compared;
        }
    }
    EXPECT_GT(compared, 0);
}

}  // namespace

TEST(RunningLoudness, StereoNoiseAt48kHzMatchesLibebur128EverySecond) {
    expect_same(make({{20, -20}}, 2, 48000), 2, 48000);
}

// Loud, very quiet and middling stretches: the relative gate drops the quiet one, and which
// blocks it drops moves as the history grows.
TEST(RunningLoudness, LevelChangesThroughTheGatesMatchLibebur128) {
    expect_same(make({{5, -10}, {5, -45}, {4, -25}, {3, -75}, {6, -18}, {2, -31}}, 2, 48000), 2, 48000, 4800);
}

TEST(RunningLoudness, MonoToneAt44100HzMatchesLibebur128) {
    expect_same(make({{8, -23, 1000}, {4, -30, 60}}, 1, 44100), 1, 44100, 1024);
}

// Six channels: the LFE is not measured and the surrounds weigh 1.41, as libebur128's map.
TEST(RunningLoudness, SurroundChannelsAreWeightedAsLibebur128Does) {
    expect_same(make({{6, -22}}, 6, 48000), 6, 48000, 480);
}

TEST(RunningLoudness, SilenceAndAudioUnderTheAbsoluteGateHaveNoLoudness) {
    RunningLoudness meter{2, 48000};
    EXPECT_TRUE(std::isinf(meter.integrated()));
    const std::vector<float> silence(2 * 48000 * 3, 0.0F);
    meter.add(silence);
    EXPECT_TRUE(std::isinf(meter.integrated()));
    meter.add(make({{3, -80}}, 2, 48000));
    EXPECT_TRUE(std::isinf(meter.integrated()) && meter.integrated() < 0);
}
