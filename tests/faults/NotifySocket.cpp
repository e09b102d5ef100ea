#include "tests/faults/NotifySocket.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace lp::test {

NotifySocket::NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path_.string().size() >= sizeof addr.sun_path)
        throw std::runtime_error("socket path too long: " + path_.string());
    std::strcpy(addr.sun_path, path_.c_str());
    if (::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0)
        throw std::runtime_error("bind " + path_.string() + ": " + std::strerror(errno));
    thread_ = std::thread{[this] { receive(); }};
}

NotifySocket::~NotifySocket() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
}

void NotifySocket::receive() {
    char buffer[4096];
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) continue;
        Message m{Steady::now(), std::string(buffer, static_cast<std::size_t>(n))};
        messages_.update([&](auto& v) { v.push_back(std::move(m)); });
    }
}

std::vector<NotifySocket::Message> NotifySocket::messages() const { return messages_.get(); }

std::optional<NotifySocket::Message> NotifySocket::wait_for(const std::string& text, std::chrono::milliseconds timeout,
                                                            Steady::time_point after) const {
    std::optional<Message> found;
    messages_.wait_for(timeout, [&](const std::vector<Message>& v) {
        for (const auto& m : v)
            if (m.at > after && m.text.find(text) != std::string::npos) {
                found = m;
                return true;
            }
        return false;
    });
    return found;
}

std::vector<NotifySocket::Steady::time_point> NotifySocket::times_of(const std::string& text) const {
    std::vector<Steady::time_point> out;
    for (const auto& m : messages_.get())
        if (m.text.find(text) != std::string::npos) out.push_back(m.at);
    return out;
}

}  // namespace lp::test
