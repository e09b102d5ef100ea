#include "audio/ffmpeg/CodecContext.hpp"

#include <new>

#include "audio/ffmpeg/Error.hpp"
#include "audio/ffmpeg/LogCallback.hpp"

namespace lp::audio::ffmpeg {

CodecContext::CodecContext(const AVCodec* codec) : ctx_(avcodec_alloc_context3(codec)) {
    install_log_callback();
    if (ctx_ == nullptr) throw std::bad_alloc{};
}

void CodecContext::fill_parameters(const AVCodecParameters* parameters) {
    check(avcodec_parameters_to_context(ctx_, parameters), "avcodec_parameters_to_context");
}

void CodecContext::open(const AVCodec* codec) {
    take_last_logged_error();
    check(avcodec_open2(ctx_, codec, nullptr), "avcodec_open2");
}

}  // namespace lp::audio::ffmpeg
