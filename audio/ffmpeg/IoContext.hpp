#pragma once
#include <cstdint>

extern "C" {
#include <libavformat/avio.h>
}

namespace lp::audio::ffmpeg {

// The byte source behind a custom AVIOContext. Both calls run inside FFmpeg (C frames on
// the stack): they must not throw; they return FFmpeg error codes instead.
class IoSource {
public:
    virtual ~IoSource() = default;
    // Reads up to `size` bytes into `buffer`: the count read, or AVERROR_EOF / AVERROR(...).
    virtual int read(std::uint8_t* buffer, int size) noexcept = 0;
    // fseek-like (SEEK_SET/CUR/END) plus AVSEEK_SIZE: the new position, the size, or AVERROR.
    virtual std::int64_t seek(std::int64_t offset, int whence) noexcept = 0;
};

// Owns an AVIOContext reading from `source` (avio_alloc_context / avio_context_free and its
// buffer). `source` must outlive it, and it must outlive the FormatContext that uses it.
class IoContext {
public:
    explicit IoContext(IoSource& source, int buffer_size = 64 * 1024);
    ~IoContext();
    IoContext(const IoContext&) = delete;
    IoContext& operator=(const IoContext&) = delete;

    AVIOContext* get() const noexcept { return ctx_; }

private:
    AVIOContext* ctx_ = nullptr;
};

}  // namespace lp::audio::ffmpeg
