#pragma once
#include <filesystem>

extern "C" {
#include <libavformat/avio.h>
}

namespace lp::audio::ffmpeg {

// An AVIOContext writing to a file opened with O_APPEND (created when missing), for muxers
// whose stream stays valid when appended to (MP3 without a Xing/ID3 header): FFmpeg's own
// file protocol can only truncate or overwrite from the start. Owns the fd, the context and
// its buffer. Write failures set the context's `error` like FFmpeg's own I/O.
class AppendFile {
public:
    // Throws Error("open", AVERROR(errno)).
    explicit AppendFile(const std::filesystem::path& path);
    ~AppendFile();  // flushes, then frees
    AppendFile(const AppendFile&) = delete;
    AppendFile& operator=(const AppendFile&) = delete;

    AVIOContext* get() const noexcept { return io_; }

private:
    int fd_ = -1;
    AVIOContext* io_ = nullptr;
};

}  // namespace lp::audio::ffmpeg
