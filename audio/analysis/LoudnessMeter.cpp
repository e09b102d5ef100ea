#include "audio/analysis/LoudnessMeter.hpp"

#include <cmath>

#include "audio/ffmpeg/Error.hpp"

namespace lp::audio {
namespace {

// ffmpeg's af_ebur128.c BACK_MASK: the channels it weighs by 1.41.
constexpr std::uint64_t back_mask = AV_CH_BACK_LEFT | AV_CH_BACK_CENTER | AV_CH_BACK_RIGHT | AV_CH_TOP_BACK_LEFT |
                                    AV_CH_TOP_BACK_CENTER | AV_CH_TOP_BACK_RIGHT | AV_CH_SIDE_LEFT | AV_CH_SIDE_RIGHT |
                                    AV_CH_SURROUND_DIRECT_LEFT | AV_CH_SURROUND_DIRECT_RIGHT;

// libebur128's role with the weight ffmpeg's filter gives that channel: 0, 1.41 or 1.0.
int role_of(AVChannel channel) {
    if (channel == AV_CHAN_LOW_FREQUENCY || channel == AV_CHAN_LOW_FREQUENCY_2) return EBUR128_UNUSED;
    if (channel >= 0 && channel < 64 && ((std::uint64_t{1} << channel) & back_mask) != 0) return EBUR128_LEFT_SURROUND;
    return EBUR128_LEFT;
}

}  // namespace

void LoudnessMeter::start(const AVFrame* frame) {
    layout_.emplace(frame->ch_layout);
    rate_ = frame->sample_rate;
    meter_.emplace(static_cast<unsigned>(layout_->channels()), static_cast<unsigned long>(rate_));
    for (int i = 0; i < layout_->channels(); ++i)
        meter_->set_channel(static_cast<unsigned>(i), role_of(av_channel_layout_channel_from_index(layout_->ptr(), i)));
}

void LoudnessMeter::add(AVFrame* frame) {
    if (!meter_) start(frame);
    if (!converter_ || converter_format_ != frame->format || converter_rate_ != frame->sample_rate ||
        !(*converter_from_ == ffmpeg::ChannelLayout{frame->ch_layout}.get())) {
        if (converter_) convert(nullptr, 0);  // what the previous format left buffered
        converter_from_.emplace(frame->ch_layout);
        converter_format_ = static_cast<AVSampleFormat>(frame->format);
        converter_rate_ = frame->sample_rate;
        converter_.emplace(ffmpeg::AudioSpec{converter_from_->ptr(), converter_format_, converter_rate_},
                           ffmpeg::AudioSpec{layout_->ptr(), AV_SAMPLE_FMT_FLT, rate_});
    }
    convert(frame->extended_data, frame->nb_samples);
    av_frame_unref(frame);
}

void LoudnessMeter::convert(const std::uint8_t* const* data, int frames) {
    const int room = converter_->max_output(frames);
    if (room <= 0) return;
    interleaved_.resize(static_cast<std::size_t>(room) * static_cast<std::size_t>(layout_->channels()));
    auto* out = reinterpret_cast<std::uint8_t*>(interleaved_.data());
    const int got = converter_->convert(&out, room, data, frames);
    if (got > 0) meter_->add(interleaved_.data(), static_cast<std::size_t>(got));
}

Loudness LoudnessMeter::finish() {
    Loudness result;
    if (!meter_) return result;
    if (converter_) convert(nullptr, 0);
    const double lufs = meter_->integrated();
    // Silence (nothing above the gate) reads -70 LUFS, as ffmpeg's summary prints it.
    if (std::isfinite(lufs) && lufs > -70.0) result.integrated_lufs = lufs;
    const double peak = meter_->true_peak();
    result.true_peak_dbtp = peak > 0.0 ? 20.0 * std::log10(peak) : -144.0;
    return result;
}

}  // namespace lp::audio
