#include "journal/SpillFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace lp::journal {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error = errno) {
    throw std::system_error(error, std::generic_category(), what + " " + path.string());
}

// A new name in a folder is durable only once the folder itself is synced.
void sync_folder(const std::filesystem::path& file) {
    const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open folder", folder);
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) fail("cannot sync folder", folder, error);
}

}  // namespace

SpillFile::SpillFile(std::filesystem::path path) : path_(std::move(path)) {}

SpillFile::~SpillFile() { close(); }

bool SpillFile::exists() const { return fd_ >= 0 || std::filesystem::exists(path_); }

void SpillFile::open() {
    if (fd_ >= 0) return;
    const bool existed = std::filesystem::exists(path_);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
    if (fd_ < 0) fail("cannot open", path_);
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        const int error = errno;
        close();
        fail("cannot stat", path_, error);
    }
    size_ = st.st_size;
    if (!existed) {
        try {
            sync_folder(path_);
        } catch (...) {
            close();
            throw;
        }
    }
}

void SpillFile::close() {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
}

SpillFile::Contents SpillFile::read() {
    Contents out;
    if (!exists()) return out;
    open();
    std::string all(static_cast<std::size_t>(size_), '\0');
    std::size_t got = 0;
    while (got < all.size()) {
        const auto n = ::pread(fd_, all.data() + got, all.size() - got, static_cast<off_t>(got));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot read", path_);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    all.resize(got);
    std::size_t start = 0;
    for (auto nl = all.find('\n'); nl != std::string::npos; nl = all.find('\n', start)) {
        out.lines.push_back(all.substr(start, nl - start));
        start = nl + 1;
    }
    out.torn_bytes = all.size() - start;
    if (out.torn_bytes > 0) {
        if (::ftruncate(fd_, static_cast<off_t>(start)) != 0 || ::fsync(fd_) != 0)
            fail("cannot cut the torn end of", path_);
    }
    size_ = static_cast<off_t>(start);
    return out;
}

void SpillFile::append(std::string_view line) {
    open();
    // What a failed append left after the last complete line goes first.
    if (torn_ && ::ftruncate(fd_, size_) != 0) fail("cannot cut the torn end of", path_);
    torn_ = false;
    std::string bytes(line);
    bytes += '\n';
    std::size_t done = 0;
    int error = 0;
    while (done < bytes.size()) {
        const auto n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, size_ + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (error == 0 && ::fdatasync(fd_) != 0) error = errno;
    if (error != 0) {
        // A half-written line must not sit between complete ones: cut back now, or before the
        // next append (or the next process's read() drops it).
        torn_ = ::ftruncate(fd_, size_) != 0;
        fail("cannot append to", path_, error);
    }
    size_ += static_cast<off_t>(bytes.size());
}

void SpillFile::remove() {
    close();
    size_ = 0;
    torn_ = false;
    std::error_code ec;
    if (!std::filesystem::remove(path_, ec) && ec) fail("cannot remove", path_, ec.value());
    sync_folder(path_);
}

}  // namespace lp::journal
