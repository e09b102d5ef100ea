#pragma once
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lp::test {

// A child process started with fork/execvp, its stdout and stderr appended to `log` (or
// /dev/null). The destructor kills it (SIGKILL) and reaps it.
class Process {
public:
    explicit Process(std::vector<std::string> argv, const std::filesystem::path& log = "/dev/null");
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    // Sends `signal` (no-op once reaped).
    void kill(int signal) const;
    // Waits up to `timeout` for the exit; the exit status (128 + signal when killed), or
    // nullopt on timeout.
    std::optional<int> wait(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

// A TCP or UDP port on 127.0.0.1 that was free a moment ago (bound to port 0 and released).
unsigned short free_port(bool udp = false);
// Polls (every 10 ms, up to `timeout`) until something accepts TCP connections on
// 127.0.0.1:port; false on timeout.
bool wait_tcp_listening(int port, std::chrono::milliseconds timeout);
// Polls /proc/net/udp (every 10 ms, up to `timeout`) until a socket is bound to `port`.
bool wait_udp_bound(int port, std::chrono::milliseconds timeout);

}  // namespace lp::test
