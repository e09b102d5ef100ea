#include "audio/output/MuxerOutput.hpp"

#include <cstring>
#include <mutex>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
}

namespace lp::audio {

namespace {

std::string describe(const OutputSpec& spec) {
    switch (spec.kind) {
    case OutputKind::alsa: return "output '" + spec.name + "' (alsa '" + spec.target + "')";
    case OutputKind::file: return "output '" + spec.name + "' (file '" + spec.target + "')";
    case OutputKind::null: break;
    }
    return "output '" + spec.name + "' (null)";
}

void register_devices() {
    static std::once_flag once;
    std::call_once(once, [] { avdevice_register_all(); });
}

}  // namespace

void MuxerOutput::fail(const std::string& what) const {
    throw OutputError(describe(spec_) + ": " + what);
}

const AVOutputFormat* MuxerOutput::choose_format() const {
    switch (spec_.kind) {
    case OutputKind::alsa: {
        register_devices();
        const AVOutputFormat* format = av_guess_format("alsa", nullptr, nullptr);
        if (format == nullptr) fail("this FFmpeg has no ALSA output device");
        return format;
    }
    case OutputKind::file: {
        const AVOutputFormat* format = av_guess_format(nullptr, spec_.target.c_str(), nullptr);
        if (format == nullptr || avformat_query_codec(format, AV_CODEC_ID_PCM_S16LE,
                                                      FF_COMPLIANCE_NORMAL) != 1)
            fail("unsupported file extension (use .wav or .mka)");
        return format;
    }
    case OutputKind::null: break;
    }
    return av_guess_format("null", nullptr, nullptr);
}

void MuxerOutput::open() {
    close();
    ffmpeg::install_log_callback();
    if (spec_.format.sample_rate <= 0 || spec_.format.channels <= 0) fail("invalid PCM format");
    const AVOutputFormat* format = choose_format();
    const std::string url = spec_.kind == OutputKind::null ? std::string{"-"} : spec_.target;
    if (spec_.kind != OutputKind::null && url.empty()) fail("no target given");
    try {
        ffmpeg::OutputFormatContext muxer{format, url};
        AVStream* stream = muxer.add_stream();
        AVCodecParameters* par = stream->codecpar;
        par->codec_type = AVMEDIA_TYPE_AUDIO;
        par->codec_id = AV_CODEC_ID_PCM_S16LE;
        par->format = AV_SAMPLE_FMT_S16;
        par->sample_rate = spec_.format.sample_rate;
        ffmpeg::ChannelLayout layout{spec_.format.channels};
        ffmpeg::check(av_channel_layout_copy(&par->ch_layout, layout.ptr()),
                      "av_channel_layout_copy");
        par->bits_per_coded_sample = 16;
        par->block_align = 2 * spec_.format.channels;
        par->bit_rate = std::int64_t{16} * spec_.format.channels * spec_.format.sample_rate;
        stream->time_base = AVRational{1, spec_.format.sample_rate};
        muxer.open_io();
        muxer.write_header();
        muxer_.emplace(std::move(muxer));
        frames_written_ = 0;
    } catch (const ffmpeg::Error& e) {
        fail(e.what());
    }
}

void MuxerOutput::write(std::span<const Sample> interleaved) {
    if (!muxer_) fail("write() on a closed output");
    const auto channels = static_cast<std::size_t>(spec_.format.channels);
    const auto frames = static_cast<std::int64_t>(interleaved.size() / channels);
    if (frames == 0) return;
    const auto bytes = static_cast<int>(static_cast<std::size_t>(frames) * channels * sizeof(Sample));
    try {
        ffmpeg::check(av_new_packet(packet_.get(), bytes), "av_new_packet");
        std::memcpy(packet_->data, interleaved.data(), static_cast<std::size_t>(bytes));
        const AVRational ours{1, spec_.format.sample_rate};
        const AVRational theirs = (*muxer_)->streams[0]->time_base;
        packet_->stream_index = 0;
        packet_->pts = av_rescale_q(frames_written_, ours, theirs);
        packet_->dts = packet_->pts;
        packet_->duration = av_rescale_q(frames_written_ + frames, ours, theirs) - packet_->pts;
        muxer_->write_frame(packet_.get());
        // Buffered I/O reports a failed flush (disk full, broken pipe) only through pb->error.
        if (AVIOContext* pb = (*muxer_)->pb; pb != nullptr && pb->error < 0)
            throw ffmpeg::Error("avio_write", pb->error);
        frames_written_ += frames;
    } catch (const ffmpeg::Error& e) {
        packet_.unref();
        fail(e.what());
    }
}

void MuxerOutput::close() noexcept {
    if (!muxer_) return;
    const int err = muxer_->finish();
    muxer_.reset();
    if (err < 0) {
        try {
            detail::logger("audio")->warn("{}: av_write_trailer() failed: {}", describe(spec_),
                                          ffmpeg::error_string(err));
        } catch (...) {  // logging must not break close(); nothing else to do
        }
    }
}

std::unique_ptr<Output> make_output(const OutputSpec& spec) {
    return std::make_unique<MuxerOutput>(spec);
}

}  // namespace lp::audio
