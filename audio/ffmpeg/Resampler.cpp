#include "audio/ffmpeg/Resampler.hpp"

#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::ffmpeg {

Resampler::Resampler(AudioSpec in, AudioSpec out) {
    install_log_callback();
    // FFmpeg 5.1 takes non-const layouts but only reads them.
    check(swr_alloc_set_opts2(&swr_, const_cast<AVChannelLayout*>(out.layout), out.format, out.rate,
                              const_cast<AVChannelLayout*>(in.layout), in.format, in.rate, 0, nullptr),
          "swr_alloc_set_opts2");
    if (const int err = swr_init(swr_); err < 0) {
        swr_free(&swr_);
        throw Error("swr_init", err);
    }
}

int Resampler::max_output(int in_frames) const {
    return check(swr_get_out_samples(swr_, in_frames), "swr_get_out_samples");
}

int Resampler::convert(std::uint8_t* const* out, int out_frames, const std::uint8_t* const* in, int in_frames) {
    return check(
        swr_convert(swr_, const_cast<std::uint8_t**>(out), out_frames, const_cast<const std::uint8_t**>(in), in_frames),
        "swr_convert");
}

}  // namespace lp::audio::ffmpeg
