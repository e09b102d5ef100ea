#include "audio/ffmpeg/IoContext.hpp"

#include <new>

extern "C" {
#include <libavutil/mem.h>
}

namespace lp::audio::ffmpeg {
namespace {

int read_packet(void* opaque, std::uint8_t* buffer, int size) {
    return static_cast<IoSource*>(opaque)->read(buffer, size);
}

std::int64_t seek(void* opaque, std::int64_t offset, int whence) {
    return static_cast<IoSource*>(opaque)->seek(offset, whence);
}

}  // namespace

IoContext::IoContext(IoSource& source, int buffer_size) {
    auto* buffer = static_cast<unsigned char*>(av_malloc(static_cast<std::size_t>(buffer_size)));
    if (buffer == nullptr) throw std::bad_alloc{};
    ctx_ = avio_alloc_context(buffer, buffer_size, 0, &source, read_packet, nullptr, seek);
    if (ctx_ == nullptr) {
        av_free(buffer);
        throw std::bad_alloc{};
    }
}

IoContext::~IoContext() {
    // FFmpeg may have replaced the buffer it was given; free the current one.
    av_freep(&ctx_->buffer);
    avio_context_free(&ctx_);
}

}  // namespace lp::audio::ffmpeg
