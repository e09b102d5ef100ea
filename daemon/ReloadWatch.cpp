#include "daemon/ReloadWatch.hpp"

#include <sys/inotify.h>

#include <boost/asio/read.hpp>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace lp::daemon {

ReloadWatch::ReloadWatch(boost::asio::io_context& io, const std::filesystem::path& flag_file,
                         std::function<void()> on_change)
    : fd_(io), name_(flag_file.filename().string()), on_change_(std::move(on_change)) {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1() failed");
    fd_.assign(fd);
    const auto dir = flag_file.parent_path().empty() ? std::filesystem::path(".") : flag_file.parent_path();
    // The folder, not the file: the file may not exist yet, and editors replace files.
    if (inotify_add_watch(fd, dir.c_str(), IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_TO | IN_CREATE) < 0)
        throw std::system_error(errno, std::generic_category(), "inotify_add_watch(" + dir.string() + ") failed");
    read();
}

void ReloadWatch::read() {
    fd_.async_read_some(boost::asio::buffer(buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
        if (ec) return;
        bool changed = false;
        for (std::size_t off = 0; off + sizeof(inotify_event) <= n;) {
            inotify_event event;
            std::memcpy(&event, buffer_.data() + off, sizeof event);
            if (event.len > 0 && name_ == buffer_.data() + off + sizeof(inotify_event)) changed = true;
            off += sizeof(inotify_event) + event.len;
        }
        // Several events of one touch arrive together: one reload for the batch.
        if (changed) on_change_();
        read();
    });
}

}  // namespace lp::daemon
