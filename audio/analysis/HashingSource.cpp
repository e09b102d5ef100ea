#include "audio/analysis/HashingSource.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

#include "audio/analysis/Rejection.hpp"

extern "C" {
#include <libavutil/error.h>
}

namespace lp::audio {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

bool write_all(int fd, const std::uint8_t* data, std::uint64_t count) noexcept {
    while (count > 0) {
        const ssize_t n = ::write(fd, data, count);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        count -= static_cast<std::uint64_t>(n);
    }
    return true;
}

}  // namespace

HashingSource::HashingSource(const std::filesystem::path& file, int copy_fd, Progress progress)
    : name_(file.string()), copy_fd_(copy_fd), progress_(std::move(progress)) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Rejected(RejectReason::unreadable, name_, errno_text(errno));
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        ::close(fd_);
        throw Rejected(RejectReason::unreadable, name_, errno_text(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd_);
        throw Rejected(RejectReason::unreadable, name_,
                       S_ISDIR(st.st_mode) ? errno_text(EISDIR) : "not a regular file");
    }
    if (st.st_size == 0) {
        ::close(fd_);
        throw Rejected(RejectReason::empty, name_, "");
    }
    file_size_ = static_cast<std::uint64_t>(st.st_size);
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
}

HashingSource::~HashingSource() { ::close(fd_); }

void HashingSource::consume(const std::uint8_t* data, std::uint64_t offset, std::uint64_t count) noexcept {
    // Only bytes that extend the hashed prefix count; a re-read after a seek back is skipped.
    if (offset > hashed_ || offset + count <= hashed_) return;
    const std::uint64_t skip = hashed_ - offset;
    sha_.update({data + skip, count - skip});
    if (copy_fd_ >= 0 && copy_error_.empty() && !write_all(copy_fd_, data + skip, count - skip))
        copy_error_ = "writing the copy: " + errno_text(errno);
    hashed_ = offset + count;
}

int HashingSource::read(std::uint8_t* buffer, int size) noexcept {
    ssize_t n;
    do {
        n = ::pread(fd_, buffer, static_cast<std::size_t>(size), static_cast<off_t>(position_));
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        read_error_ = errno_text(errno);
        return AVERROR(EIO);
    }
    if (n == 0) return AVERROR_EOF;
    consume(buffer, position_, static_cast<std::uint64_t>(n));
    position_ += static_cast<std::uint64_t>(n);
    if (progress_ && (hashed_ - reported_) * 100 >= file_size_) {
        reported_ = hashed_;
        progress_(hashed_, file_size_);
    }
    return static_cast<int>(n);
}

std::int64_t HashingSource::seek(std::int64_t offset, int whence) noexcept {
    const auto size = static_cast<std::int64_t>(file_size_);
    std::int64_t target = 0;
    switch (whence & ~AVSEEK_FORCE) {
        case AVSEEK_SIZE: return size;
        case SEEK_SET: target = offset; break;
        case SEEK_CUR: target = static_cast<std::int64_t>(position_) + offset; break;
        case SEEK_END: target = size + offset; break;
        default: return AVERROR(EINVAL);
    }
    if (target < 0) return AVERROR(EINVAL);
    position_ = static_cast<std::uint64_t>(target);
    return target;
}

std::string HashingSource::finish() {
    std::vector<std::uint8_t> buffer(256 * 1024);
    while (true) {
        const ssize_t n = ::pread(fd_, buffer.data(), buffer.size(), static_cast<off_t>(hashed_));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Rejected(RejectReason::unreadable, name_, errno_text(errno));
        if (n == 0) break;
        consume(buffer.data(), hashed_, static_cast<std::uint64_t>(n));
    }
    if (!copy_error_.empty()) throw std::system_error(EIO, std::generic_category(), name_ + ": " + copy_error_);
    if (progress_) progress_(hashed_, file_size_);
    return sha_.hex_digest();
}

}  // namespace lp::audio
