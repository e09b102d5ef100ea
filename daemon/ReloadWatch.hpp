#pragma once
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include <array>
#include <filesystem>
#include <functional>

namespace lp::daemon {

// Watches the "reload" flag file next to the database (inotify): the CLI touches it after it
// commits a change to slots, programmes, one-offs or approvals, and the daemon re-reads the
// rules at once. Event-driven, no polling, no pid file; a missing daemon loses nothing
// because the rules live in the database. Used on the loop thread only.
class ReloadWatch {
public:
    // Throws std::system_error when inotify cannot be set up.
    ReloadWatch(boost::asio::io_context& io, const std::filesystem::path& flag_file, std::function<void()> on_change);

private:
    void read();
    boost::asio::posix::stream_descriptor fd_;
    std::string name_;
    std::function<void()> on_change_;
    alignas(8) std::array<char, 4096> buffer_{};
};

}  // namespace lp::daemon
