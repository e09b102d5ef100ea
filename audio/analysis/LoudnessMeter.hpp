#pragma once
#include <optional>
#include <vector>

#include "audio/analysis/Ebur128.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Frame.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio {

struct Loudness {
    double integrated_lufs = -70.0;  // EBU R128 integrated loudness (gated); -70 = silence
    double true_peak_dbtp = -144.0;  // highest true peak of any channel, dB relative to full scale
};

// EBU R128 loudness with libebur128 (integrated, true peak), weighted per channel as
// `ffmpeg -af ebur128` weighs them (LFE left out, surround and back channels ×1.41), so the
// numbers agree with its summary. The decoder's frames are converted to interleaved float in
// the first frame's layout and rate; a later frame in another format (a concatenated MP3
// changing rate) is converted to that one rather than restarting the measurement.
class LoudnessMeter {
public:
    // Takes the frame's data (the frame is reset). Throws ffmpeg::Error, Ebur128Error.
    void add(AVFrame* frame);
    // Flushes the conversion and returns the result. Throws ffmpeg::Error, Ebur128Error.
    Loudness finish();

private:
    void start(const AVFrame* frame);
    void convert(const std::uint8_t* const* data, int frames);

    std::optional<ffmpeg::ChannelLayout> layout_;  // the measurement's, from the first frame
    int rate_ = 0;
    std::optional<Ebur128> meter_;
    std::optional<ffmpeg::Resampler> converter_;  // from the current frames' format to float
    std::optional<ffmpeg::ChannelLayout> converter_from_;
    AVSampleFormat converter_format_ = AV_SAMPLE_FMT_NONE;
    int converter_rate_ = 0;
    std::vector<float> interleaved_;
};

}  // namespace lp::audio
