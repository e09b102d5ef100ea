#pragma once
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
    // not empty, names the demuxer instead of probing. The callback's owner must outlive this.
    FormatContext(const std::string& url, Dictionary& options, AVIOInterruptCB interrupt,
                  const std::string& format = {});
    ~FormatContext();
    FormatContext(FormatContext&& other) noexcept : ctx_(std::exchange(other.ctx_, nullptr)) {}
    FormatContext& operator=(FormatContext&& other) noexcept {
        std::swap(ctx_, other.ctx_);
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
    AVFormatContext* ctx_ = nullptr;
};

}  // namespace lp::audio::ffmpeg
