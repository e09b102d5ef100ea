#include "audio/player/Shaper.hpp"

#include <algorithm>
#include <cmath>

namespace lp::audio::player {

namespace {

constexpr float ceiling = 32767.0F * 0.966F;  // -0.3 dBFS
constexpr double release_seconds = 0.05;

// Round half away from zero, inline: std::lrint is a libm call per sample (math errno rules
// keep GCC from inlining it), a large share of the player's CPU on a gained hour.
inline Sample to_sample(float v) {
    v = std::clamp(v, -32768.0F, 32767.0F);
    return static_cast<Sample>(v >= 0.0F ? v + 0.5F : v - 0.5F);
}

std::size_t to_frames(std::chrono::milliseconds d, int rate) {
    return static_cast<std::size_t>(d.count()) * static_cast<std::size_t>(rate) / 1000;
}

}  // namespace

Shaper::Shaper(PcmFormat format, double gain_db, std::chrono::milliseconds fade_in,
               std::chrono::milliseconds fade_out)
    : channels_(static_cast<std::size_t>(format.channels)),
      gain_(static_cast<float>(std::pow(10.0, gain_db / 20.0))),
      fade_in_frames_(to_frames(fade_in, format.sample_rate)),
      fade_out_frames_(to_frames(fade_out, format.sample_rate)),
      release_(static_cast<float>(1.0 - std::exp(-1.0 / (release_seconds * format.sample_rate)))) {}

void Shaper::process(std::span<const Sample> in) {
    const std::size_t frames = in.size() / channels_;
    const std::size_t base = held_.size();
    held_.resize(base + frames * channels_);
    Sample* out = held_.data() + base;
    // Unity gain past the fade-in with the limiter at rest: a plain copy (the common case).
    if (gain_ == 1.0F && position_ >= fade_in_frames_ && envelope_ == 1.0F) {
        std::copy(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(frames * channels_), out);
        position_ += frames;
        return;
    }
    for (std::size_t f = 0; f < frames; ++f, ++position_) {
        float g = gain_;
        if (position_ < fade_in_frames_)
            g *= static_cast<float>(position_) / static_cast<float>(fade_in_frames_);
        float peak = 0.0F;
        for (std::size_t c = 0; c < channels_; ++c)
            peak = std::max(peak, std::abs(static_cast<float>(in[f * channels_ + c]) * g));
        if (peak * envelope_ > ceiling) envelope_ = ceiling / peak;  // instant attack
        else envelope_ = std::min(1.0F, envelope_ + (1.0F - envelope_) * release_);
        const float total = g * envelope_;
        for (std::size_t c = 0; c < channels_; ++c) {
            const float v = static_cast<float>(in[f * channels_ + c]) * total;
            out[f * channels_ + c] = to_sample(v);
        }
    }
}

std::span<const Sample> Shaper::push(std::span<const Sample> interleaved) {
    process(interleaved);
    const std::size_t hold = fade_out_frames_ * channels_;
    ready_.clear();
    if (held_.size() > hold) {
        const auto cut = held_.end() - static_cast<std::ptrdiff_t>(hold);
        ready_.assign(held_.begin(), cut);
        held_.erase(held_.begin(), cut);
    }
    return ready_;
}

std::span<const Sample> Shaper::finish() {
    const std::size_t frames = held_.size() / channels_;
    // The ramp ends at zero on the frame after the last one, whatever the tail's length.
    for (std::size_t f = 0; f < frames; ++f) {
        const float g = static_cast<float>(frames - f) / static_cast<float>(frames + 1);
        for (std::size_t c = 0; c < channels_; ++c) {
            auto& s = held_[f * channels_ + c];
            s = to_sample(static_cast<float>(s) * g);
        }
    }
    ready_.swap(held_);
    held_.clear();
    return ready_;
}

}  // namespace lp::audio::player
