#pragma once
#include <cstdint>
#include <utility>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
#include <libswresample/swresample.h>
}

namespace lp::audio::ffmpeg {

// One side of a conversion: layout, sample format and rate.
struct AudioSpec {
    const AVChannelLayout* layout;
    AVSampleFormat format;
    int rate;
};

// Owns an initialised SwrContext (swr_alloc_set_opts2 + swr_init / swr_free). Throws Error.
class Resampler {
public:
    Resampler(AudioSpec in, AudioSpec out);
    ~Resampler() { swr_free(&swr_); }
    Resampler(Resampler&& other) noexcept : swr_(std::exchange(other.swr_, nullptr)) {}
    Resampler& operator=(Resampler&& other) noexcept {
        std::swap(swr_, other.swr_);
        return *this;
    }
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Upper bound of the output frames for `in_frames` more input frames (buffered included).
    int max_output(int in_frames) const;
    // swr_convert: converts `in_frames` (in == nullptr flushes) into at most `out_frames`.
    // Returns the frames written. Throws Error.
    int convert(std::uint8_t* const* out, int out_frames, const std::uint8_t* const* in, int in_frames);

    SwrContext* get() const noexcept { return swr_; }

private:
    SwrContext* swr_ = nullptr;
};

}  // namespace lp::audio::ffmpeg
