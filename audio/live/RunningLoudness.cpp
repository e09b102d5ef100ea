#include "audio/live/RunningLoudness.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lp::audio::live {
namespace {

constexpr double absolute_gate_lufs = -70.0;
constexpr double relative_gate_lu = -10.0;
constexpr double bin_lu = 0.01;
constexpr double top_lufs = 10.0;  // a block above this (not possible from ±1.0 audio) joins the top bin
constexpr std::size_t bins = static_cast<std::size_t>((top_lufs - absolute_gate_lufs) / bin_lu) + 1;

double loudness(double energy) { return -0.691 + 10.0 * std::log10(energy); }
double energy_at(double lufs) { return std::pow(10.0, (lufs + 0.691) / 10.0); }

std::size_t bin_of(double lufs) {
    const auto b = static_cast<std::size_t>((lufs - absolute_gate_lufs) / bin_lu);
    return b < bins ? b : bins - 1;
}

// Two doubles in one SIMD register (GCC and Clang vector extension): a stereo frame's two
// channels go through the filter together.
using Pair = double __attribute__((vector_size(16)));

// One sample through the two K-weighting stages (transposed direct form II), for one channel
// (double) or two side by side (Pair); the high-pass's numerator is BS.1770's (1, -2, 1).
template <class T>
struct Stages {
    T s1, s2, t1, t2;
    T step(T in, const std::array<double, 5>& shelf, double g1, double g2) {
        const auto [b0, b1, b2, a1, a2] = shelf;
        const T y = b0 * in + s1;
        s1 = b1 * in - a1 * y + s2;
        s2 = b2 * in - a2 * y;
        const T z = y + t1;
        t1 = -2.0 * y - g1 * z + t2;
        t2 = y - g2 * z;
        return z;
    }
};

// The K-weighting of `run` frames, summing each channel's squares. Its cost is the filter's
// arithmetic (18 operations per sample), so stereo, nearly every source, is filtered with both
// channels side by side in SIMD registers.
void filter_stereo(const float* x, std::size_t run, const std::array<double, 5>& shelf, double g1, double g2,
                   std::span<RunningLoudness::ChannelState, 2> state, std::span<double, 2> squares) {
    Stages<Pair> st{
        {state[0].s1, state[1].s1}, {state[0].s2, state[1].s2}, {state[0].t1, state[1].t1}, {state[0].t2, state[1].t2}};
    Pair sum{0.0, 0.0};
    for (std::size_t i = 0; i < run; ++i, x += 2) {
        const Pair z = st.step(Pair{x[0], x[1]}, shelf, g1, g2);
        sum += z * z;
    }
    for (std::size_t c = 0; c < 2; ++c) {
        state[c] = {st.s1[c], st.s2[c], st.t1[c], st.t2[c]};
        squares[c] += sum[c];
    }
}

// Any other layout, a channel at a time.
void filter_channel(const float* x, std::size_t stride, std::size_t run, const std::array<double, 5>& shelf, double g1,
                    double g2, RunningLoudness::ChannelState& state, double& squares) {
    Stages<double> st{state.s1, state.s2, state.t1, state.t2};
    double sum = 0;
    for (std::size_t i = 0; i < run; ++i, x += stride) {
        const double z = st.step(*x, shelf, g1, g2);
        sum += z * z;
    }
    state = {st.s1, st.s2, st.t1, st.t2};
    squares += sum;
}

}  // namespace

RunningLoudness::RunningLoudness(std::size_t channels, int rate)
    : channels_(channels),
      weights_(channels, 1.0),
      state_(channels),
      sub_block_frames_(static_cast<std::size_t>(rate) / 10),
      squares_(channels, 0.0),
      block_count_(bins, 0),
      block_energy_(bins, 0.0) {
    // The K-weighting's two stages for this rate, as BS.1770's 48 kHz coefficients are derived
    // (the same formulas as libebur128's).
    const double fs = rate;
    {
        const double f0 = 1681.974450955533, gain_db = 3.999843853973347, q = 0.7071752369554196;
        const double k = std::tan(std::numbers::pi * f0 / fs);
        const double vh = std::pow(10.0, gain_db / 20.0);
        const double vb = std::pow(vh, 0.4996667741545416);
        const double a0 = 1.0 + k / q + k * k;
        shelf_ = {(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                  2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
    }
    {
        const double f0 = 38.13547087602444, q = 0.5003270373238773;
        const double k = std::tan(std::numbers::pi * f0 / fs);
        const double a0 = 1.0 + k / q + k * k;
        high_pass_a1_ = 2.0 * (k * k - 1.0) / a0;
        high_pass_a2_ = (1.0 - k / q + k * k) / a0;
    }
    // libebur128's default channel map: L, R, C, LFE (not measured), left and right surround.
    if (channels_ >= 4) weights_[3] = 0.0;
    if (channels_ >= 5) weights_[4] = 1.41;
    if (channels_ >= 6) weights_[5] = 1.41;
    for (std::size_t c = 6; c < channels_; ++c) weights_[c] = 0.0;
}

void RunningLoudness::add(std::span<const float> interleaved) {
    const std::size_t frames = interleaved.size() / channels_;
    std::size_t f = 0;
    while (f < frames) {
        const std::size_t run = std::min(frames - f, sub_block_frames_ - in_sub_block_);
        const float* x = interleaved.data() + f * channels_;
        if (channels_ == 2) {
            filter_stereo(x, run, shelf_, high_pass_a1_, high_pass_a2_, std::span<ChannelState, 2>{state_},
                          std::span<double, 2>{squares_});
        } else {
            for (std::size_t c = 0; c < channels_; ++c)
                filter_channel(x + c, channels_, run, shelf_, high_pass_a1_, high_pass_a2_, state_[c], squares_[c]);
        }
        // A filter left ringing in denormals after silence would slow every sample after it.
        for (auto& st : state_)
            for (double* v : {&st.s1, &st.s2, &st.t1, &st.t2})
                if (std::fabs(*v) < 1e-30) *v = 0.0;
        f += run;
        in_sub_block_ += run;
        if (in_sub_block_ == sub_block_frames_) end_sub_block();
    }
}

void RunningLoudness::end_sub_block() {
    double sum = 0;
    for (std::size_t c = 0; c < channels_; ++c) {
        sum += weights_[c] * squares_[c];
        squares_[c] = 0;
    }
    last_sub_blocks_[sub_blocks_ % 4] = sum / static_cast<double>(sub_block_frames_);
    ++sub_blocks_;
    in_sub_block_ = 0;
    if (sub_blocks_ < 4) return;  // the first 400 ms block is not complete yet
    const double energy = (last_sub_blocks_[0] + last_sub_blocks_[1] + last_sub_blocks_[2] + last_sub_blocks_[3]) / 4.0;
    if (energy <= 0.0) return;
    const double lufs = loudness(energy);
    if (lufs <= absolute_gate_lufs) return;
    const auto b = bin_of(lufs);
    ++block_count_[b];
    block_energy_[b] += energy;
}

double RunningLoudness::integrated() const {
    std::uint64_t count = 0;
    double energy = 0;
    for (std::size_t b = 0; b < bins; ++b) {
        count += block_count_[b];
        energy += block_energy_[b];
    }
    if (count == 0) return -HUGE_VAL;
    const double gate = loudness(energy / static_cast<double>(count)) + relative_gate_lu;
    // Blocks are compared with the gate by their bin, and in the gate's own bin by the bin's
    // mean energy: a 0.01 LU step is far below what the gain acts on.
    const double gate_energy = energy_at(gate);
    const auto first = bin_of(std::max(gate, absolute_gate_lufs));
    count = 0;
    energy = 0;
    for (std::size_t b = first; b < bins; ++b) {
        if (block_count_[b] == 0) continue;
        if (b == first && block_energy_[b] / static_cast<double>(block_count_[b]) <= gate_energy) continue;
        count += block_count_[b];
        energy += block_energy_[b];
    }
    if (count == 0) return -HUGE_VAL;
    return loudness(energy / static_cast<double>(count));
}

}  // namespace lp::audio::live
