#pragma once
#include <optional>

#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/FilterGraph.hpp"
#include "audio/ffmpeg/Frame.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio {

struct Loudness {
    double integrated_lufs = -70.0;  // EBU R128 integrated loudness (gated); -70 = silence
    double true_peak_dbtp = -144.0;  // highest true peak of any channel, dB relative to full scale
};

// EBU R128 loudness with libavfilter's ebur128 filter (peak=true, metadata=1): the results
// are read from the metadata it attaches to its output frames (lavfi.r128.I, true_peak),
// the same numbers `ffmpeg -af ebur128` prints in its summary. The graph is built for the
// first frame's format; a later frame in another format (a concatenated MP3 changing rate)
// is converted to that one rather than restarting the measurement.
class LoudnessMeter {
public:
    // Takes the frame's data (the frame is reset). Throws ffmpeg::Error.
    void add(AVFrame* frame);
    // Flushes the filter and returns the result. Throws ffmpeg::Error.
    Loudness finish();

private:
    void drain();
    void push(AVFrame* frame);
    void convert_and_push(AVFrame* frame);

    std::optional<ffmpeg::ChannelLayout> layout_;
    AVSampleFormat format_ = AV_SAMPLE_FMT_NONE;
    int rate_ = 0;
    std::optional<ffmpeg::FilterGraph> graph_;
    std::optional<ffmpeg::Resampler> converter_;  // for frames in another format than the first
    std::optional<ffmpeg::ChannelLayout> converter_from_;
    AVSampleFormat converter_format_ = AV_SAMPLE_FMT_NONE;
    int converter_rate_ = 0;
    ffmpeg::Frame out_;
    Loudness result_;
    double peak_linear_ = 0.0;
};

}  // namespace lp::audio
