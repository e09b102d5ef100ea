#pragma once
// An append-only file of text lines, each on disk (fsync) before append() returns. What a power
// cut can leave is a torn last line: read() drops it (and cuts it off the file, so the next line
// starts clean). Not thread-safe; one owner.

#include <sys/types.h>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lp::journal {

class SpillFile {
public:
    explicit SpillFile(std::filesystem::path path);
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    struct Contents {
        std::vector<std::string> lines;  // complete lines, without their newline
        std::size_t torn_bytes = 0;      // bytes of an incomplete last line, cut off
    };
    // Every complete line of an existing file (none if there is no file).
    // Throws std::system_error naming the file.
    Contents read();
    // Appends `line` and a newline, creating the file (and making its name durable) if needed;
    // returns once both are on disk. On failure the file is cut back to where it was and
    // std::system_error naming the file is thrown.
    void append(std::string_view line);
    // Deletes the file (durably). Throws std::system_error naming the file.
    void remove();
    bool exists() const;
    const std::filesystem::path& path() const { return path_; }

private:
    void open();
    void close();
    std::filesystem::path path_;
    int fd_ = -1;
    off_t size_ = 0;     // the end of the last complete line
    bool torn_ = false;  // bytes of a failed append may follow it
};

}  // namespace lp::journal
