#pragma once
// Runs the real loaphuongd binary as a child process and reads its log as it comes, so a
// test waits for what the daemon says (an event), never for a fixed time.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace lp::test {

class DaemonProcess {
public:
    // Starts `binary args...` with stderr (the log) piped to this process. The environment
    // is inherited (AlsaTap's ALSA_CONFIG_PATH included).
    DaemonProcess(const std::filesystem::path& binary, const std::vector<std::string>& args);
    ~DaemonProcess();  // SIGKILL and reap if still running
    DaemonProcess(const DaemonProcess&) = delete;
    DaemonProcess& operator=(const DaemonProcess&) = delete;

    // Reads the log until a line contains `text` or `timeout` passes; true when seen.
    bool wait_for_log(const std::string& text, std::chrono::milliseconds timeout);
    void signal(int sig);
    // Waits for exit (reading the rest of the log); returns the exit status, or 128+signal.
    int wait_exit(std::chrono::milliseconds timeout);
    const std::string& log() const { return log_; }

private:
    bool read_some(std::chrono::milliseconds timeout);
    pid_t pid_ = -1;
    int fd_ = -1;
    std::string log_;
    std::size_t scanned_ = 0;
};

// Polls, up to `timeout`, for the daemon's status file beside `database` (what the CLI reads
// to know that the daemon runs); true when it is there.
bool wait_for_status_file(const std::filesystem::path& database, std::chrono::milliseconds timeout);

}  // namespace lp::test
