#include "audio/output/Encoder.hpp"

#include <algorithm>

#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::output {

namespace {

const AVCodec* find_encoder(Codec codec) {
    const char* name = nullptr;
    switch (codec) {
        case Codec::pcm: name = "pcm_s16be"; break;  // RTP's L16 (RFC 3551) is big-endian
        case Codec::mp3: name = "libmp3lame"; break;
        case Codec::opus: name = "libopus"; break;
    }
    const AVCodec* found = avcodec_find_encoder_by_name(name);
    if (found == nullptr) throw ffmpeg::Error("avcodec_find_encoder_by_name", AVERROR_ENCODER_NOT_FOUND);
    return found;
}

// The codec's sample format: s16 when it takes it (no conversion cost), else its first.
AVSampleFormat pick_format(const AVCodec* codec) {
    if (codec->sample_fmts == nullptr) return AV_SAMPLE_FMT_S16;
    for (const AVSampleFormat* f = codec->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
        if (*f == AV_SAMPLE_FMT_S16) return *f;
    return codec->sample_fmts[0];
}

// The input's rate when the codec takes it; else 48 kHz (Opus), else the codec's first.
int pick_rate(const AVCodec* codec, int wanted) {
    if (codec->supported_samplerates == nullptr) return wanted;
    for (const int* r = codec->supported_samplerates; *r != 0; ++r)
        if (*r == wanted) return wanted;
    for (const int* r = codec->supported_samplerates; *r != 0; ++r)
        if (*r == 48000) return 48000;
    return codec->supported_samplerates[0];
}

}  // namespace

Encoder::Encoder(Codec codec, PcmFormat input, int bitrate, bool global_header)
    : input_(input), ctx_(find_encoder(codec)), in_layout_(input.channels) {
    ffmpeg::install_log_callback();
    const AVCodec* encoder = find_encoder(codec);
    AVCodecContext* c = ctx_.get();
    c->sample_fmt = pick_format(encoder);
    c->sample_rate = pick_rate(encoder, input.sample_rate);
    ffmpeg::check(av_channel_layout_copy(&c->ch_layout, in_layout_.ptr()), "av_channel_layout_copy");
    c->time_base = AVRational{1, c->sample_rate};
    if (codec != Codec::pcm) c->bit_rate = bitrate;
    if (global_header) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ctx_.open(encoder);

    resampler_.emplace(ffmpeg::AudioSpec{in_layout_.ptr(), AV_SAMPLE_FMT_S16, input.sample_rate},
                       ffmpeg::AudioSpec{&c->ch_layout, c->sample_fmt, c->sample_rate});
    fifo_.emplace(c->sample_fmt, c->ch_layout.nb_channels, std::max(c->frame_size, 1024));
}

void Encoder::convert(const std::uint8_t* const* in, int frames) {
    const int capacity = resampler_->max_output(frames);
    if (capacity <= 0) return;
    if (capacity > scratch_capacity_) {
        scratch_.unref();
        scratch_->format = ctx_->sample_fmt;
        scratch_->nb_samples = capacity;
        ffmpeg::check(av_channel_layout_copy(&scratch_->ch_layout, &ctx_->ch_layout), "av_channel_layout_copy");
        ffmpeg::check(av_frame_get_buffer(scratch_.get(), 0), "av_frame_get_buffer");
        scratch_capacity_ = capacity;
    }
    const int got = resampler_->convert(scratch_->extended_data, capacity, in, frames);
    if (got > 0)
        ffmpeg::check(av_audio_fifo_write(fifo_->get(), reinterpret_cast<void**>(scratch_->extended_data), got),
                      "av_audio_fifo_write");
}

void Encoder::encode(std::span<const Sample> interleaved, const Sink& sink) {
    const auto frames = static_cast<int>(interleaved.size() / static_cast<std::size_t>(input_.channels));
    if (frames == 0) return;
    const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved.data());
    convert(&in, frames);
    // Variable-frame codecs (PCM) take whatever is there; the others exactly frame_size.
    send_frames(ctx_->frame_size > 0 ? ctx_->frame_size : fifo_->size(), false, sink);
}

void Encoder::send_frames(int frames_each, bool final, const Sink& sink) {
    while (fifo_->size() > 0 && (fifo_->size() >= frames_each || final)) {
        const int take = std::min(frames_each, fifo_->size());
        // A short last frame is padded with silence unless the codec accepts it as it is.
        const bool pad = take < frames_each && (ctx_->codec->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME) == 0 &&
                         ctx_->frame_size > 0;
        const int size = pad ? frames_each : take;
        frame_.unref();
        frame_->format = ctx_->sample_fmt;
        frame_->nb_samples = size;
        frame_->sample_rate = ctx_->sample_rate;
        ffmpeg::check(av_channel_layout_copy(&frame_->ch_layout, &ctx_->ch_layout), "av_channel_layout_copy");
        // A fresh buffer per frame: the encoder may keep a reference to the previous one.
        ffmpeg::check(av_frame_get_buffer(frame_.get(), 0), "av_frame_get_buffer");
        if (pad) av_samples_set_silence(frame_->extended_data, 0, size, ctx_->ch_layout.nb_channels, ctx_->sample_fmt);
        ffmpeg::check(av_audio_fifo_read(fifo_->get(), reinterpret_cast<void**>(frame_->extended_data), take),
                      "av_audio_fifo_read");
        frame_->pts = next_pts_;
        next_pts_ += take;
        send(frame_.get(), sink);
    }
}

void Encoder::send(const AVFrame* frame, const Sink& sink) {
    ffmpeg::check(avcodec_send_frame(ctx_.get(), frame), "avcodec_send_frame");
    while (true) {
        const int err = avcodec_receive_packet(ctx_.get(), packet_.get());
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
        ffmpeg::check(err, "avcodec_receive_packet");
        sink(packet_.get());
        packet_.unref();
    }
}

void Encoder::flush(const Sink& sink) {
    if (input_.sample_rate != ctx_->sample_rate) convert(nullptr, 0);  // the resampler's tail
    send_frames(ctx_->frame_size > 0 ? ctx_->frame_size : fifo_->size(), true, sink);
    send(nullptr, sink);
}

}  // namespace lp::audio::output
