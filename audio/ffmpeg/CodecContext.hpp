#pragma once
#include <utility>

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace lp::audio::ffmpeg {

// Owns an AVCodecContext (avcodec_alloc_context3 / avcodec_free_context). Throws Error on
// setup; send/receive return FFmpeg's codes (EAGAIN, EOF) for the caller to switch on.
class CodecContext {
public:
    explicit CodecContext(const AVCodec* codec);
    ~CodecContext() { avcodec_free_context(&ctx_); }
    CodecContext(CodecContext&& other) noexcept : ctx_(std::exchange(other.ctx_, nullptr)) {}
    CodecContext& operator=(CodecContext&& other) noexcept {
        std::swap(ctx_, other.ctx_);
        return *this;
    }
    CodecContext(const CodecContext&) = delete;
    CodecContext& operator=(const CodecContext&) = delete;

    void fill_parameters(const AVCodecParameters* parameters);  // avcodec_parameters_to_context
    void open(const AVCodec* codec);                            // avcodec_open2

    int send_packet(const AVPacket* packet) noexcept { return avcodec_send_packet(ctx_, packet); }
    int receive_frame(AVFrame* frame) noexcept { return avcodec_receive_frame(ctx_, frame); }

    AVCodecContext* get() const noexcept { return ctx_; }
    AVCodecContext* operator->() const noexcept { return ctx_; }

private:
    AVCodecContext* ctx_;
};

}  // namespace lp::audio::ffmpeg
