#include "audio/analysis/LoudnessMeter.hpp"

#include <cmath>
#include <cstdlib>

#include "audio/ffmpeg/Error.hpp"

extern "C" {
#include <libavutil/dict.h>
}

namespace lp::audio {
namespace {

// A frame's layout with an unspecified order (WAV, some raw codecs) becomes the default
// order for its channel count, which is what the abuffer source was told.
void normalise_layout(AVFrame* frame) {
    if (frame->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC) return;
    const int channels = frame->ch_layout.nb_channels > 0 ? frame->ch_layout.nb_channels : 1;
    av_channel_layout_uninit(&frame->ch_layout);
    av_channel_layout_default(&frame->ch_layout, channels);
}

std::optional<double> number(const AVDictionary* metadata, const char* key) {
    const AVDictionaryEntry* e = av_dict_get(metadata, key, nullptr, 0);
    if (e == nullptr) return std::nullopt;
    return std::strtod(e->value, nullptr);
}

}  // namespace

void LoudnessMeter::add(AVFrame* frame) {
    normalise_layout(frame);
    if (!graph_) {
        layout_.emplace(frame->ch_layout);
        format_ = static_cast<AVSampleFormat>(frame->format);
        rate_ = frame->sample_rate;
        graph_.emplace(ffmpeg::AudioInput{layout_->ptr(), format_, rate_, AVRational{1, rate_}}, "ebur128",
                       "peak=true:metadata=1");
    }
    if (frame->format == format_ && frame->sample_rate == rate_ && *layout_ == frame->ch_layout)
        push(frame);
    else
        convert_and_push(frame);
}

void LoudnessMeter::push(AVFrame* frame) {
    ffmpeg::check(graph_->push(frame), "av_buffersrc_add_frame");
    drain();
}

void LoudnessMeter::convert_and_push(AVFrame* frame) {
    if (!converter_ || converter_format_ != frame->format || converter_rate_ != frame->sample_rate ||
        !(*converter_from_ == frame->ch_layout)) {
        converter_from_.emplace(frame->ch_layout);
        converter_format_ = static_cast<AVSampleFormat>(frame->format);
        converter_rate_ = frame->sample_rate;
        converter_.emplace(ffmpeg::AudioSpec{converter_from_->ptr(), converter_format_, converter_rate_},
                           ffmpeg::AudioSpec{layout_->ptr(), format_, rate_});
    }
    ffmpeg::Frame converted;
    converted->format = format_;
    converted->sample_rate = rate_;
    ffmpeg::check(av_channel_layout_copy(&converted->ch_layout, layout_->ptr()), "av_channel_layout_copy");
    converted->nb_samples = converter_->max_output(frame->nb_samples);
    if (converted->nb_samples <= 0) return;
    ffmpeg::check(av_frame_get_buffer(converted.get(), 0), "av_frame_get_buffer");
    converted->nb_samples =
        converter_->convert(converted->extended_data, converted->nb_samples, frame->extended_data, frame->nb_samples);
    av_frame_unref(frame);
    // Timestamps are not used by ebur128; leave them unset rather than invent them.
    if (converted->nb_samples > 0) push(converted.get());
}

void LoudnessMeter::drain() {
    while (true) {
        const int err = graph_->pull(out_.get());
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
        ffmpeg::check(err, "av_buffersink_get_frame");
        if (const auto i = number(out_->metadata, "lavfi.r128.I")) result_.integrated_lufs = *i;
        if (const auto p = number(out_->metadata, "lavfi.r128.true_peak")) peak_linear_ = std::max(peak_linear_, *p);
        out_.unref();
    }
}

Loudness LoudnessMeter::finish() {
    if (graph_) {
        ffmpeg::check(graph_->push(nullptr), "av_buffersrc_add_frame");
        drain();
    }
    result_.true_peak_dbtp = peak_linear_ > 0.0 ? 20.0 * std::log10(peak_linear_) : -144.0;
    return result_;
}

}  // namespace lp::audio
