#include "audio/ffmpeg/AppendFile.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <new>

#include "audio/ffmpeg/Error.hpp"

extern "C" {
#include <libavutil/mem.h>
}

namespace lp::audio::ffmpeg {

namespace {

constexpr int buffer_size = 32768;

// AVIOContext write callback; FFmpeg 5.1 passes a non-const buffer.
int write_all(void* opaque, std::uint8_t* data, int size) {
    const int fd = *static_cast<int*>(opaque);
    int done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, static_cast<std::size_t>(size - done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return AVERROR(errno);
        }
        done += static_cast<int>(n);
    }
    return size;
}

}  // namespace

AppendFile::AppendFile(const std::filesystem::path& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("open", AVERROR(errno));
    auto* buffer = static_cast<std::uint8_t*>(av_malloc(buffer_size));
    if (buffer != nullptr) io_ = avio_alloc_context(buffer, buffer_size, 1, &fd_, nullptr, write_all, nullptr);
    if (io_ == nullptr) {
        av_free(buffer);
        ::close(fd_);
        throw std::bad_alloc{};
    }
    io_->seekable = 0;  // appending: the muxer must never seek back to patch a header
}

AppendFile::~AppendFile() {
    avio_flush(io_);
    av_freep(&io_->buffer);
    avio_context_free(&io_);
    ::close(fd_);
}

}  // namespace lp::audio::ffmpeg
