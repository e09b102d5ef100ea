#include "audio/output/MuxerOutput.hpp"

#include <cstring>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"
#include "audio/output/Target.hpp"
#include "domain/WallClock.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace lp::audio {

void MuxerOutput::fail(const std::string& what) const { throw OutputError(output::describe(spec_) + ": " + what); }

void MuxerOutput::add_pcm_stream() {
    AVStream* stream = muxer_->add_stream();
    AVCodecParameters* par = stream->codecpar;
    par->codec_type = AVMEDIA_TYPE_AUDIO;
    par->codec_id = AV_CODEC_ID_PCM_S16LE;
    par->format = AV_SAMPLE_FMT_S16;
    par->sample_rate = spec_.format.sample_rate;
    ffmpeg::ChannelLayout layout{spec_.format.channels};
    ffmpeg::check(av_channel_layout_copy(&par->ch_layout, layout.ptr()), "av_channel_layout_copy");
    par->bits_per_coded_sample = 16;
    par->block_align = 2 * spec_.format.channels;
    par->bit_rate = std::int64_t{16} * spec_.format.channels * spec_.format.sample_rate;
    stream->time_base = AVRational{1, spec_.format.sample_rate};
}

void MuxerOutput::add_encoded_stream() {
    const bool global = ((*muxer_)->oformat->flags & AVFMT_GLOBALHEADER) != 0;
    encoder_.emplace(spec_.codec, spec_.format, spec_.bitrate, global);
    AVStream* stream = muxer_->add_stream();
    ffmpeg::check(avcodec_parameters_from_context(stream->codecpar, encoder_->context()),
                  "avcodec_parameters_from_context");
    stream->time_base = encoder_->context()->time_base;
}

void MuxerOutput::open() {
    close();
    ffmpeg::install_log_callback();
    if (spec_.format.sample_rate <= 0 || spec_.format.channels <= 0) fail("invalid PCM format");
    try {
        auto target = output::resolve_target(spec_, start_.value_or(domain::wall_now()));
        muxer_.emplace(target.format, target.url);
        if (target.encoded)
            add_encoded_stream();
        else
            add_pcm_stream();
        if (!target.append_to.empty()) {
            std::filesystem::create_directories(target.append_to.parent_path());
            append_ = std::make_unique<ffmpeg::AppendFile>(target.append_to);
            muxer_->use_custom_io(append_->get());
        }
        if (target.network) (*muxer_)->flags |= AVFMT_FLAG_FLUSH_PACKETS;
        muxer_->open_io(target.io_options.address());
        muxer_->write_header(target.muxer_options.address());
        if (target.after_header) target.after_header(muxer_->get());
        frames_written_ = 0;
    } catch (const std::exception& e) {
        encoder_.reset();
        muxer_.reset();
        append_.reset();
        fail(e.what());
    }
}

void MuxerOutput::write_packet(AVPacket* packet, AVRational from) {
    packet->stream_index = 0;
    av_packet_rescale_ts(packet, from, (*muxer_)->streams[0]->time_base);
    muxer_->write_frame(packet);
    // Buffered I/O reports a failed flush (disk full, broken pipe) only through pb->error.
    if (AVIOContext* pb = (*muxer_)->pb; pb != nullptr && pb->error < 0) throw ffmpeg::Error("avio_write", pb->error);
}

void MuxerOutput::write(std::span<const Sample> interleaved) {
    if (!muxer_) fail("write() on a closed output");
    const auto channels = static_cast<std::size_t>(spec_.format.channels);
    const auto frames = static_cast<std::int64_t>(interleaved.size() / channels);
    if (frames == 0) return;
    try {
        if (encoder_) {
            encoder_->encode(interleaved, [&](AVPacket* p) { write_packet(p, encoder_->context()->time_base); });
        } else {
            const auto bytes = static_cast<int>(static_cast<std::size_t>(frames) * channels * sizeof(Sample));
            if (!packets_ || packets_->size() < bytes) packets_.emplace(bytes);
            packet_->buf = packets_->get();
            packet_->data = packet_->buf->data;
            packet_->size = bytes;
            std::memcpy(packet_->data, interleaved.data(), static_cast<std::size_t>(bytes));
            packet_->pts = frames_written_;
            packet_->dts = frames_written_;
            packet_->duration = frames;
            write_packet(packet_.get(), AVRational{1, spec_.format.sample_rate});
        }
        frames_written_ += frames;
    } catch (const std::exception& e) {
        packet_.unref();
        fail(e.what());
    }
}

void MuxerOutput::close() noexcept {
    if (!muxer_) return;
    const auto log = [this](const std::string& what) {
        try {
            detail::logger("audio")->warn("{}: {}", output::describe(spec_), what);
        } catch (...) {  // logging must not break close(); nothing else to do
        }
    };
    if (encoder_) {
        try {  // the last partial frame and the encoder's delay
            encoder_->flush([&](AVPacket* p) { write_packet(p, encoder_->context()->time_base); });
        } catch (const std::exception& e) {
            log(std::string{"flushing the encoder failed: "} + e.what());
        }
    }
    const int err = muxer_->finish();
    muxer_.reset();
    encoder_.reset();
    append_.reset();
    if (err < 0) log("av_write_trailer() failed: " + ffmpeg::error_string(err));
}

}  // namespace lp::audio
