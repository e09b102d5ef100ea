#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "audio/ffmpeg/IoContext.hpp"
#include "audio/ffmpeg/Sha256.hpp"

namespace lp::audio {

// Reads a file for FFmpeg and, on the way, feeds every byte once and in order to SHA-256
// and to a copy (an open file descriptor). The demuxer mostly reads forward; when it seeks
// (an ID3v1 tag or an Ogg end page at the end of the file, a moov atom), bytes beyond the
// contiguous prefix already hashed are not hashed then, and finish() reads what is left.
// So the digest and the copy are of the same bytes, read once in the common case.
class HashingSource final : public ffmpeg::IoSource {
public:
    // Reports progress as bytes read so far of the file's size.
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

    // Opens `file`; throws Rejected (unreadable, empty). `copy_fd` < 0: no copy.
    HashingSource(const std::filesystem::path& file, int copy_fd, Progress progress);
    ~HashingSource() override;
    HashingSource(const HashingSource&) = delete;
    HashingSource& operator=(const HashingSource&) = delete;

    int read(std::uint8_t* buffer, int size) noexcept override;
    std::int64_t seek(std::int64_t offset, int whence) noexcept override;

    // Hashes and copies the rest of the file; returns the digest (hex). Throws Rejected
    // (unreadable) on a read error and std::system_error on a write error.
    std::string finish();
    std::uint64_t size() const noexcept { return hashed_; }
    // A read error met inside read(), if any (FFmpeg only saw AVERROR(EIO)).
    const std::string& read_error() const noexcept { return read_error_; }

private:
    void consume(const std::uint8_t* data, std::uint64_t offset, std::uint64_t count) noexcept;

    std::string name_;
    int fd_ = -1;
    int copy_fd_;
    Progress progress_;
    std::uint64_t file_size_ = 0;
    std::uint64_t position_ = 0;  // where the next read starts
    std::uint64_t hashed_ = 0;    // bytes [0, hashed_) are hashed and copied
    std::uint64_t reported_ = 0;
    ffmpeg::Sha256 sha_;
    std::string read_error_;
    std::string copy_error_;  // the first write error on the copy; finish() throws it
};

}  // namespace lp::audio
