#pragma once
#include <memory>
#include <string>
#include <utility>

extern "C" {
#include <libavformat/avformat.h>
}

namespace lp::audio::ffmpeg {

class IoContext;
class Dictionary;

// An opened input (avformat_open_input / avformat_close_input). Throws Error.
class FormatContext {
public:
    explicit FormatContext(const std::string& url);
    // Opens from a custom I/O context (e.g. one that hashes what it reads); `name` is only
    // for FFmpeg's messages and format guessing. `io` must outlive this object.
    FormatContext(IoContext& io, const std::string& name);
    // Opens a stream (a URL, an SDP file) with demuxer/protocol `options` (those FFmpeg used
    // are removed from it) and an interrupt callback it polls while it blocks; `format`, when
    // not empty, names the demuxer instead of probing. An HTTP(S) stream whose Content-Type
    // names MP3 or ADTS AAC is opened with that demuxer (see demuxer_for_content_type).
    // The callback's owner must outlive this.
    FormatContext(const std::string& url, Dictionary& options, AVIOInterruptCB interrupt,
                  const std::string& format = {});
    ~FormatContext();
    FormatContext(FormatContext&& other) noexcept
        : http_io_(std::move(other.http_io_)), ctx_(std::exchange(other.ctx_, nullptr)) {}
    FormatContext& operator=(FormatContext&& other) noexcept {
        std::swap(ctx_, other.ctx_);
        std::swap(http_io_, other.http_io_);
        return *this;
    }
    FormatContext(const FormatContext&) = delete;
    FormatContext& operator=(const FormatContext&) = delete;

    // avformat_find_stream_info. Throws Error.
    void find_stream_info();
    // av_read_frame: 0, AVERROR_EOF or another negative code (never throws).
    int read_frame(AVPacket* packet) noexcept { return av_read_frame(ctx_, packet); }

    AVFormatContext* get() const noexcept { return ctx_; }
    AVFormatContext* operator->() const noexcept { return ctx_; }

private:
    struct IoCloser {
        void operator()(AVIOContext* io) const noexcept { avio_closep(&io); }
    };
    // Opens an HTTP(S) stream's connection ahead of the demuxer to read its Content-Type;
    // returns the demuxer it names, keeping the connection in http_io_, or none (closed).
    const AVInputFormat* open_http(const std::string& url, const Dictionary& options, AVIOInterruptCB interrupt);

    std::unique_ptr<AVIOContext, IoCloser> http_io_;  // outlives ctx_, which reads from it
    AVFormatContext* ctx_ = nullptr;
};

// The demuxer for an HTTP Content-Type ("audio/mpeg; charset=…") that FFmpeg probes slowly:
// a radio server starts a new listener in the middle of an MP3 or ADTS frame, and those
// probes then need 128 KiB of it (8 s at 128 kbit/s) before they are sure. nullptr: probe.
const char* demuxer_for_content_type(std::string_view content_type);

}  // namespace lp::audio::ffmpeg
