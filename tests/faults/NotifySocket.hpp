#pragma once
// A Unix datagram socket standing in for systemd's NOTIFY_SOCKET: every sd_notify() message
// the daemon sends is kept with the instant it arrived (a thread of its own receives them).

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/Wait.hpp"

namespace lp::test {

class NotifySocket {
public:
    using Steady = std::chrono::steady_clock;
    struct Message {
        Steady::time_point at;
        std::string text;  // one datagram, e.g. "WATCHDOG=1" or "STATUS=..."
    };

    explicit NotifySocket(std::filesystem::path path);
    ~NotifySocket();
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::vector<Message> messages() const;
    // Polls (with a deadline) until a datagram containing `text` arrived after `after`.
    std::optional<Message> wait_for(const std::string& text, std::chrono::milliseconds timeout,
                                    Steady::time_point after = {}) const;
    // Arrival times of the datagrams containing `text`.
    std::vector<Steady::time_point> times_of(const std::string& text) const;

private:
    void receive();
    std::filesystem::path path_;
    int fd_ = -1;
    std::atomic<bool> stop_{false};
    mutable Guarded<std::vector<Message>> messages_;
    std::thread thread_;
};

}  // namespace lp::test
