#include "audio/live/RunningGain.hpp"

#include <algorithm>
#include <cmath>

namespace lp::audio::live {
namespace {

constexpr double slew_db_per_second = 3.0;
constexpr int first_check_seconds = 3;

float linear(double db) { return static_cast<float>(std::pow(10.0, db / 20.0)); }

}  // namespace

RunningGain::RunningGain(PcmFormat format, double target_lufs, double max_cut_db, double max_boost_db)
    : channels_(static_cast<std::size_t>(format.channels)),
      rate_(format.sample_rate),
      target_(target_lufs),
      max_cut_(max_cut_db),
      max_boost_(max_boost_db),
      meter_(static_cast<std::size_t>(format.channels), format.sample_rate),
      next_check_(static_cast<std::size_t>(format.sample_rate) * first_check_seconds) {}

void RunningGain::measure(std::span<const float> samples) {
    const std::size_t frames = samples.size() / channels_;
    meter_.add(samples);
    heard_ += frames;
    if (heard_ < next_check_) return;
    next_check_ = heard_ + static_cast<std::size_t>(rate_);
    // -HUGE_VAL (nothing above the gate, e.g. a silent source) keeps the goal: never boost silence.
    if (const double loudness = meter_.integrated(); std::isfinite(loudness))
        goal_db_ = std::clamp(target_ - loudness, -max_cut_, max_boost_);
}

void RunningGain::apply(std::span<float> samples) {
    measure(samples);
    const std::size_t frames = samples.size() / channels_;
    if (frames == 0) return;
    const double step = slew_db_per_second * static_cast<double>(frames) / rate_;
    const double next = gain_db_ + std::clamp(goal_db_ - gain_db_, -step, step);
    const float from = linear(gain_db_);
    const float to = linear(next);
    if (from == 1.0F && to == 1.0F) return;
    const float delta = (to - from) / static_cast<float>(frames);
    for (std::size_t f = 0; f < frames; ++f) {
        const float g = from + delta * static_cast<float>(f);
        for (std::size_t c = 0; c < channels_; ++c) samples[f * channels_ + c] *= g;
    }
    gain_db_ = next;
}

}  // namespace lp::audio::live
