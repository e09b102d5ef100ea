#include "audio/ffmpeg/OutputFormatContext.hpp"

#include <new>

#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::ffmpeg {

OutputFormatContext::OutputFormatContext(const AVOutputFormat* format, const std::string& url) {
    install_log_callback();
    take_last_logged_error();
    check(avformat_alloc_output_context2(&ctx_, format, nullptr, url.c_str()), "avformat_alloc_output_context2");
}

OutputFormatContext::~OutputFormatContext() {
    finish();
    avformat_free_context(ctx_);
}

AVStream* OutputFormatContext::add_stream() {
    AVStream* stream = avformat_new_stream(ctx_, nullptr);
    if (stream == nullptr) throw std::bad_alloc{};
    return stream;
}

void OutputFormatContext::open_io(AVDictionary** options) {
    if ((ctx_->oformat->flags & AVFMT_NOFILE) != 0 || ctx_->pb != nullptr) return;
    take_last_logged_error();
    check(avio_open2(&ctx_->pb, ctx_->url, AVIO_FLAG_WRITE, nullptr, options), "avio_open2");
}

void OutputFormatContext::use_custom_io(AVIOContext* io) noexcept {
    ctx_->pb = io;
    ctx_->flags |= AVFMT_FLAG_CUSTOM_IO;
    custom_io_ = true;
}

void OutputFormatContext::write_header(AVDictionary** options) {
    take_last_logged_error();
    check(avformat_write_header(ctx_, options), "avformat_write_header");
    header_written_ = true;
}

void OutputFormatContext::write_frame(AVPacket* packet) {
    take_last_logged_error();
    const int err = av_write_frame(ctx_, packet);
    av_packet_unref(packet);
    check(err, "av_write_frame");
}

int OutputFormatContext::finish() noexcept {
    if (ctx_ == nullptr) return 0;
    int result = 0;
    if (header_written_) {
        header_written_ = false;
        result = av_write_trailer(ctx_);
    }
    if (custom_io_) {
        if (ctx_->pb != nullptr) avio_flush(ctx_->pb);
        ctx_->pb = nullptr;  // the owner frees it
    } else if (ctx_->pb != nullptr && (ctx_->oformat->flags & AVFMT_NOFILE) == 0) {
        avio_closep(&ctx_->pb);
    }
    return result;
}

}  // namespace lp::audio::ffmpeg
