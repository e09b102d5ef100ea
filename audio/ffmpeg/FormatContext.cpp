#include "audio/ffmpeg/FormatContext.hpp"

#include <new>

#include "audio/ffmpeg/Dictionary.hpp"
#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/IoContext.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::ffmpeg {

FormatContext::FormatContext(const std::string& url) {
    install_log_callback();
    take_last_logged_error();
    check(avformat_open_input(&ctx_, url.c_str(), nullptr, nullptr), "avformat_open_input");
}

FormatContext::FormatContext(IoContext& io, const std::string& name) {
    install_log_callback();
    take_last_logged_error();
    ctx_ = avformat_alloc_context();
    if (ctx_ == nullptr) throw std::bad_alloc{};
    ctx_->pb = io.get();
    ctx_->flags |= AVFMT_FLAG_CUSTOM_IO;
    // On failure avformat_open_input frees the context (not the custom I/O) and nulls ctx_.
    check(avformat_open_input(&ctx_, name.c_str(), nullptr, nullptr), "avformat_open_input");
}

FormatContext::FormatContext(const std::string& url, Dictionary& options, AVIOInterruptCB interrupt,
                             const std::string& format) {
    install_log_callback();
    take_last_logged_error();
    ctx_ = avformat_alloc_context();
    if (ctx_ == nullptr) throw std::bad_alloc{};
    ctx_->interrupt_callback = interrupt;
    const AVInputFormat* input = nullptr;
    if (!format.empty() && (input = av_find_input_format(format.c_str())) == nullptr)
        throw Error("av_find_input_format", AVERROR_DEMUXER_NOT_FOUND);
    // On failure avformat_open_input frees the context and nulls ctx_.
    check(avformat_open_input(&ctx_, url.c_str(), input, options.address()), "avformat_open_input");
}

FormatContext::~FormatContext() {
    if (ctx_ != nullptr) avformat_close_input(&ctx_);
}

void FormatContext::find_stream_info() {
    take_last_logged_error();
    check(avformat_find_stream_info(ctx_, nullptr), "avformat_find_stream_info");
}

}  // namespace lp::audio::ffmpeg
