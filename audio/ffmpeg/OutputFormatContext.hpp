#pragma once
#include <string>
#include <utility>

extern "C" {
#include <libavformat/avformat.h>
}

namespace lp::audio::ffmpeg {

// A muxer (avformat_alloc_output_context2 ... avformat_free_context), its I/O (avio_open
// when the format needs a file) and its header/trailer state. Throws Error.
class OutputFormatContext {
public:
    // `format` may be null (guessed from `url`).
    OutputFormatContext(const AVOutputFormat* format, const std::string& url);
    ~OutputFormatContext();
    OutputFormatContext(OutputFormatContext&& other) noexcept
        : ctx_(std::exchange(other.ctx_, nullptr)),
          header_written_(std::exchange(other.header_written_, false)),
          custom_io_(std::exchange(other.custom_io_, false)) {}
    OutputFormatContext& operator=(OutputFormatContext&& other) noexcept {
        std::swap(ctx_, other.ctx_);
        std::swap(header_written_, other.header_written_);
        std::swap(custom_io_, other.custom_io_);
        return *this;
    }
    OutputFormatContext(const OutputFormatContext&) = delete;
    OutputFormatContext& operator=(const OutputFormatContext&) = delete;

    AVStream* add_stream();  // avformat_new_stream
    // avio_open2 unless AVFMT_NOFILE or custom I/O was set; `options` go to the protocol.
    void open_io(AVDictionary** options = nullptr);
    // Writes through `io` (owned by the caller, outliving finish()) instead of a URL.
    void use_custom_io(AVIOContext* io) noexcept;
    void write_header(AVDictionary** options = nullptr);  // avformat_write_header
    void write_frame(AVPacket* packet);                   // av_write_frame (packet is unreferenced)
    // av_write_trailer when the header was written, then closes the I/O; returns the
    // trailer's result (0 when there was nothing to write). Idempotent, never throws.
    int finish() noexcept;

    AVFormatContext* get() const noexcept { return ctx_; }
    AVFormatContext* operator->() const noexcept { return ctx_; }

private:
    AVFormatContext* ctx_ = nullptr;
    bool header_written_ = false;
    bool custom_io_ = false;
};

}  // namespace lp::audio::ffmpeg
