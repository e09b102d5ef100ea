#include "audio/Decoder.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "audio/Errors.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/CodecContext.hpp"
#include "audio/ffmpeg/Dictionary.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/FormatContext.hpp"
#include "audio/ffmpeg/Frame.hpp"
#include "audio/ffmpeg/Interrupt.hpp"
#include "audio/ffmpeg/Packet.hpp"
#include "audio/ffmpeg/Resampler.hpp"

extern "C" {
#include <libavutil/mathematics.h>
}

namespace lp::audio {

namespace {

// Consecutive undecodable packets after which a file is declared broken. FFmpeg's decoders
// resync on their own after a few; a file of garbage never does.
constexpr int max_consecutive_errors = 32;

}  // namespace

struct Decoder::Impl {
    // The resampler's input side as last configured, to notice mid-stream format changes (a
    // member type: a field of an anonymous-namespace type warns once the file is in a unity batch).
    struct InputSpec {
        ffmpeg::ChannelLayout layout;
        AVSampleFormat format;
        int rate;
        bool matches(const AVFrame& frame) const {
            // Compare normalised layouts: WAV and others often leave the order unspecified.
            return frame.format == format && frame.sample_rate == rate &&
                   layout == ffmpeg::ChannelLayout{frame.ch_layout}.get();
        }
    };

    std::string name;  // the file, for messages
    PcmFormat target;
    ffmpeg::FormatContext input;
    int stream_index = -1;
    std::optional<ffmpeg::CodecContext> codec;
    ffmpeg::Packet packet;
    ffmpeg::Frame frame;
    ffmpeg::ChannelLayout target_layout{target.channels};
    std::optional<InputSpec> input_spec;
    std::optional<ffmpeg::Resampler> resampler;
    // Frames in and out of the current resampler, so that its flush adds no filter tail:
    // n input frames at rate r become exactly round(n * target / r) output frames.
    std::int64_t resampler_in = 0;
    std::int64_t resampler_out = 0;

    // Converted samples not yet handed out: pending[pending_offset, pending_end). The vector
    // only grows, so that a frame's conversion neither allocates nor zero-fills.
    std::vector<float> pending;
    std::size_t pending_offset = 0;
    std::size_t pending_end = 0;
    std::uint64_t frames_out = 0;
    bool demuxer_done = false;
    bool decoder_done = false;
    int consecutive_errors = 0;
    int total_errors = 0;
    std::string last_error;

    Impl(const std::filesystem::path& file, PcmFormat format) : name(file.string()), target(format), input(name) {}
    Impl(std::string url, PcmFormat format, ffmpeg::FormatContext opened)
        : name(std::move(url)), target(format), input(std::move(opened)) {}

    // Nothing decoded yet: the file is undecodable; part of it played: it broke mid-way.
    [[noreturn]] void fail(const std::string& what) const {
        const auto kind = frames_out == 0 ? FailureKind::undecodable : FailureKind::broke_midway;
        char position[32];
        std::snprintf(position, sizeof position, "%.3f", static_cast<double>(frames_out) / target.sample_rate);
        throw MediaError(kind, name + ": at " + position + " s: " + what);
    }

    void open_stream() {
        input.find_stream_info();
        const AVCodec* decoder = nullptr;
        const int index = av_find_best_stream(input.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
        if (index == AVERROR_STREAM_NOT_FOUND) throw MediaError(FailureKind::not_audio, name + ": no audio stream");
        if (index == AVERROR_DECODER_NOT_FOUND || decoder == nullptr)
            throw MediaError(FailureKind::no_decoder, name + ": no decoder for its audio stream");
        ffmpeg::check(index, "av_find_best_stream");
        stream_index = index;
        for (unsigned i = 0; i < input->nb_streams; ++i)
            if (static_cast<int>(i) != index) input->streams[i]->discard = AVDISCARD_ALL;
        codec.emplace(decoder);
        codec->fill_parameters(input->streams[index]->codecpar);
        codec->get()->pkt_timebase = input->streams[index]->time_base;
        codec->open(decoder);
    }

    void configure_resampler(const AVFrame& f) {
        if (input_spec && input_spec->matches(f)) return;
        // Keep what the old resampler still buffers before switching.
        if (resampler) drain_resampler();
        input_spec.emplace(
            InputSpec{ffmpeg::ChannelLayout{f.ch_layout}, static_cast<AVSampleFormat>(f.format), f.sample_rate});
        resampler.emplace(ffmpeg::AudioSpec{input_spec->layout.ptr(), input_spec->format, input_spec->rate},
                          ffmpeg::AudioSpec{target_layout.ptr(), AV_SAMPLE_FMT_FLT, target.sample_rate});
        resampler_in = 0;
        resampler_out = 0;
    }

    // Appends converted samples to `pending`; in == nullptr flushes the resampler.
    void convert(const std::uint8_t* const* in, int in_frames) {
        const int capacity = resampler->max_output(in_frames);
        if (capacity <= 0) return;
        const std::size_t old_size = pending_end;
        const std::size_t room = old_size + static_cast<std::size_t>(capacity) * target.channels;
        if (pending.size() < room) pending.resize(room);
        auto* out = reinterpret_cast<std::uint8_t*>(pending.data() + old_size);
        const int got = resampler->convert(&out, capacity, in, in_frames);
        std::int64_t keep = got;
        if (in == nullptr) {  // flushing: drop the tail beyond the exact length
            const std::int64_t exact = av_rescale(resampler_in, target.sample_rate, input_spec->rate);
            keep = std::clamp<std::int64_t>(exact - resampler_out, 0, got);
        } else {
            resampler_in += in_frames;
        }
        resampler_out += keep;
        pending_end = old_size + static_cast<std::size_t>(keep) * target.channels;
    }

    void drain_resampler() {
        if (resampler) convert(nullptr, 0);
    }

    void on_decode_error(int err) {
        ++consecutive_errors;
        ++total_errors;
        last_error = ffmpeg::error_string(err);
        if (consecutive_errors >= max_consecutive_errors) fail("decoding failed: " + last_error);
    }

    // Feeds the decoder one packet of our stream. Returns false at the end of the input.
    bool feed() {
        while (true) {
            if (demuxer_done) return false;
            const int err = input.read_frame(packet.get());
            if (err == AVERROR_EOF) {
                demuxer_done = true;
                codec->send_packet(nullptr);  // enter draining mode
                return true;
            }
            if (err < 0) fail("av_read_frame() failed: " + ffmpeg::error_string(err));
            if (packet->stream_index != stream_index) {
                packet.unref();
                continue;
            }
            const int sent = codec->send_packet(packet.get());
            packet.unref();
            if (sent == AVERROR_INVALIDDATA) {
                on_decode_error(sent);
                continue;
            }
            if (sent < 0 && sent != AVERROR(EAGAIN))
                fail("avcodec_send_packet() failed: " + ffmpeg::error_string(sent));
            return true;
        }
    }

    // Decodes until `pending` holds samples or the stream ends.
    void refill() {
        while (pending_offset >= pending_end && !decoder_done) {
            pending_end = 0;
            pending_offset = 0;
            const int err = codec->receive_frame(frame.get());
            switch (err) {
                case 0:
                    consecutive_errors = 0;
                    configure_resampler(*frame.get());
                    convert(const_cast<const std::uint8_t* const*>(frame->extended_data), frame->nb_samples);
                    frame.unref();
                    break;
                case AVERROR(EAGAIN):
                    if (!feed()) decoder_done = true;
                    break;
                case AVERROR_EOF: decoder_done = true; break;
                default:
                    if (err == AVERROR_INVALIDDATA) {
                        on_decode_error(err);
                        break;
                    }
                    fail("avcodec_receive_frame() failed: " + ffmpeg::error_string(err));
            }
            if (decoder_done) {
                drain_resampler();
                if (frames_out == 0 && pending_end == 0)
                    fail(total_errors > 0 ? "no audio could be decoded: " + last_error
                                          : std::string{"no audio could be decoded"});
            }
        }
    }
};

namespace {

// What an FFmpeg error while opening a file means for the operator.
FailureKind open_failure_kind(int code) {
    if (code == AVERROR(ENOENT) || code == AVERROR(ENOTDIR)) return FailureKind::file_missing;
    if (code == AVERROR(EACCES) || code == AVERROR(EPERM) || code == AVERROR(EIO) || code == AVERROR(EISDIR))
        return FailureKind::file_unreadable;
    if (code == AVERROR_EOF) return FailureKind::ended_early;
    return FailureKind::not_audio;
}

}  // namespace

Decoder::Decoder(const std::filesystem::path& file, PcmFormat target) {
    if (target.sample_rate <= 0 || target.channels <= 0)
        throw MediaError(FailureKind::not_audio, file.string() + ": invalid target format");
    try {
        impl_ = std::make_unique<Impl>(file, target);
        impl_->open_stream();
    } catch (const ffmpeg::Error& e) {
        throw MediaError(open_failure_kind(e.code()), file.string() + ": " + e.what());
    }
}

namespace {

// A live stream is opened with a short probe (the defaults read up to 5 s of it) and only
// through the protocols a relay needs: an SDP file may name only RTP over UDP.
ffmpeg::Dictionary stream_options() {
    ffmpeg::Dictionary options;
    options.set("probesize", "65536");
    options.set("analyzeduration", "1000000");
    options.set("protocol_whitelist", "file,http,https,tcp,tls,crypto,udp,rtp,hls");
    return options;
}

}  // namespace

Decoder::Decoder(const std::string& url, PcmFormat target, ffmpeg::Interrupt& interrupt, const std::string& format) {
    if (target.sample_rate <= 0 || target.channels <= 0)
        throw MediaError(FailureKind::not_audio, url + ": invalid target format");
    try {
        auto options = stream_options();
        impl_ = std::make_unique<Impl>(url, target, ffmpeg::FormatContext{url, options, interrupt.callback(), format});
        impl_->open_stream();
    } catch (const ffmpeg::Error& e) {
        throw MediaError(e.code() == AVERROR_EXIT ? FailureKind::source_unreachable : open_failure_kind(e.code()),
                         url + ": " + e.what());
    }
}

Decoder::~Decoder() = default;
Decoder::Decoder(Decoder&&) noexcept = default;
Decoder& Decoder::operator=(Decoder&&) noexcept = default;

std::size_t Decoder::read(std::span<float> out) {
    auto& d = *impl_;
    const auto channels = static_cast<std::size_t>(d.target.channels);
    std::size_t written = 0;
    try {
        while (written + channels <= out.size()) {
            d.refill();
            const std::size_t available = d.pending_end - d.pending_offset;
            if (available == 0) break;
            const std::size_t count = std::min(available, (out.size() - written) / channels * channels);
            std::copy_n(d.pending.begin() + static_cast<std::ptrdiff_t>(d.pending_offset), count,
                        out.begin() + static_cast<std::ptrdiff_t>(written));
            d.pending_offset += count;
            written += count;
            d.frames_out += count / channels;
        }
    } catch (const ffmpeg::Error& e) {
        d.fail(e.what());
    }
    return written / channels;
}

std::chrono::microseconds Decoder::duration() const {
    const auto us = impl_->input->duration;
    if (us == AV_NOPTS_VALUE || us <= 0) return std::chrono::microseconds{0};
    return std::chrono::microseconds{us};
}

PcmFormat Decoder::format() const { return impl_->target; }

}  // namespace lp::audio
