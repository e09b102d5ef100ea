#include "evidence/detail/SyncedWrite.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace lp::evidence::detail {

void write_line_synced(const std::filesystem::path& file, const std::string& line, int flags, mode_t mode) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode);
    if (fd < 0) throw std::runtime_error(file.string() + ": cannot open for writing: " + std::strerror(errno));
    const std::string text = line + "\n";
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok) throw std::runtime_error(file.string() + ": cannot write: " + std::strerror(err));
}

}  // namespace lp::evidence::detail
