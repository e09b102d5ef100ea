#include "audio/player/Shaper.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "audio/player/SampleKernels.hpp"

namespace lp::audio::player {

namespace {

constexpr float full_scale = 32768.0F;        // float ±1.0 to s16, as libswresample scales
constexpr float ceiling = 32767.0F * 0.966F;  // -0.3 dBFS
constexpr double release_seconds = 0.05;
// The release approaches 1 geometrically and would never reach it in float: within this
// (-0.0009 dB) the limiter is at rest, which lets the vectorised path take over again.
constexpr float rest_threshold = 1.0F - 1e-4F;

// Round half away from zero, inline: std::lrint is a libm call per sample (math errno rules
// keep GCC from inlining it).
inline Sample to_sample(float v) {
    if (std::isnan(v)) return 0;
    v = std::clamp(v, -32768.0F, 32767.0F);
    return static_cast<Sample>(v >= 0.0F ? v + 0.5F : v - 0.5F);
}

std::size_t to_frames(std::chrono::milliseconds d, int rate) {
    return static_cast<std::size_t>(d.count()) * static_cast<std::size_t>(rate) / 1000;
}

}  // namespace

Shaper::Shaper(PcmFormat format, double gain_db, std::chrono::milliseconds fade_in, std::chrono::milliseconds fade_out)
    : channels_(static_cast<std::size_t>(format.channels)),
      scale_(static_cast<float>(std::pow(10.0, gain_db / 20.0)) * full_scale),
      fade_in_frames_(to_frames(fade_in, format.sample_rate)),
      fade_out_frames_(to_frames(fade_out, format.sample_rate)),
      release_(static_cast<float>(1.0 - std::exp(-1.0 / (release_seconds * format.sample_rate)))) {}

// One frame through the fade-in and the limiter.
void Shaper::limit_frame(const float* in, Sample* out) {
    float g = scale_;
    if (position_ < fade_in_frames_) g *= static_cast<float>(position_) / static_cast<float>(fade_in_frames_);
    float peak_here = 0.0F;
    for (std::size_t c = 0; c < channels_; ++c)
        if (const float v = std::abs(in[c] * g); v > peak_here) peak_here = v;  // NaN skipped
    if (peak_here * envelope_ > ceiling) {
        envelope_ = ceiling / peak_here;  // instant attack
    } else {
        envelope_ = std::min(1.0F, envelope_ + (1.0F - envelope_) * release_);
        if (envelope_ > rest_threshold) envelope_ = 1.0F;
    }
    const float total = g * envelope_;
    for (std::size_t c = 0; c < channels_; ++c) out[c] = to_sample(in[c] * total);
    ++position_;
}

void Shaper::process(std::span<const float> in, Sample* out) {
    const std::size_t frames = in.size() / channels_;
    for (std::size_t f = 0; f < frames;) {
        if (!at_rest()) {  // fading in, or the limiter is releasing: frame by frame
            limit_frame(in.data() + f * channels_, out + f * channels_);
            ++f;
            continue;
        }
        // The common case: a block that the gain cannot push over the ceiling is one
        // vectorised multiply; a block that it can goes through the limiter whole.
        const auto rest = in.subspan(f * channels_, (frames - f) * channels_);
        if (peak(rest) * scale_ <= ceiling) {
            scale_to_s16(rest, scale_, out + f * channels_);
            position_ += frames - f;
            return;
        }
        for (; f < frames; ++f) limit_frame(in.data() + f * channels_, out + f * channels_);
    }
}

void Shaper::reserve(std::size_t samples) {
    if (samples <= capacity_) return;
    auto bigger = std::make_unique_for_overwrite<Sample[]>(samples);
    std::copy_n(buffer_.get(), size_, bigger.get());
    buffer_ = std::move(bigger);
    capacity_ = samples;
}

std::span<const Sample> Shaper::push(std::span<const float> interleaved) {
    // What the last call handed out is written by now; the held tail moves to the front.
    if (handed_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + handed_, (size_ - handed_) * sizeof(Sample));
        size_ -= handed_;
    }
    const std::size_t incoming = interleaved.size() / channels_ * channels_;
    reserve(size_ + incoming);
    process(interleaved.first(incoming), buffer_.get() + size_);
    size_ += incoming;
    const std::size_t hold = fade_out_frames_ * channels_;
    handed_ = size_ > hold ? size_ - hold : 0;
    return {buffer_.get(), handed_};
}

std::span<const Sample> Shaper::finish() {
    Sample* tail = buffer_.get() + handed_;
    const std::size_t frames = (size_ - handed_) / channels_;
    // The ramp ends at zero on the frame after the last one, whatever the tail's length.
    for (std::size_t f = 0; f < frames; ++f) {
        const float g = static_cast<float>(frames - f) / static_cast<float>(frames + 1);
        for (std::size_t c = 0; c < channels_; ++c) {
            auto& s = tail[f * channels_ + c];
            s = to_sample(static_cast<float>(s) * g);
        }
    }
    const std::span<const Sample> result{tail, frames * channels_};
    handed_ = size_;
    return result;
}

}  // namespace lp::audio::player
