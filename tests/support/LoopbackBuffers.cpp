#include "tests/support/LoopbackBuffers.hpp"

#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace lp::test {

namespace {

struct Connection {
    std::string client_inode;  // the socket connected to the port
    std::string server_inode;  // the server's accepted socket
};

struct Row {
    std::string local, remote, inode;
};

std::vector<Row> tcp_table() {
    std::vector<Row> rows;
    std::ifstream in{"/proc/net/tcp"};
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
        std::istringstream fields{line};
        std::string skip;
        Row row;
        fields >> skip >> row.local >> row.remote >> skip >> skip >> skip >> skip >> skip >> skip >> row.inode;
        rows.push_back(row);
    }
    return rows;
}

std::vector<Connection> connections_to(int port) {
    char server[16];
    std::snprintf(server, sizeof server, "0100007F:%04X", port);
    const auto rows = tcp_table();
    std::vector<Connection> found;
    for (const auto& client : rows) {
        if (client.remote != server) continue;
        for (const auto& peer : rows)
            if (peer.local == server && peer.remote == client.local) found.push_back({client.inode, peer.inode});
    }
    return found;
}

// The descriptor of socket `inode` in process `pid` (a /proc/<pid>/fd scan).
std::optional<int> find_fd(const std::filesystem::path& fd_dir, const std::string& inode) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator{fd_dir, error}) {
        std::error_code unreadable;
        if (std::filesystem::read_symlink(entry.path(), unreadable).string() == "socket:[" + inode + "]")
            return std::atoi(entry.path().filename().c_str());
    }
    return std::nullopt;
}

bool shrink(int fd, int option, int bytes) { return setsockopt(fd, SOL_SOCKET, option, &bytes, sizeof bytes) == 0; }

// Shrinks the receive buffer of the process that holds socket `inode`.
bool shrink_peer_receive_buffer(const std::string& inode, int bytes) {
    for (const auto& process : std::filesystem::directory_iterator{"/proc"}) {
        const auto pid = std::atoi(process.path().filename().c_str());
        if (pid <= 0) continue;
        const auto fd = find_fd(process.path() / "fd", inode);
        if (!fd) continue;
        // Raw syscalls: glibc 2.36's <sys/pidfd.h> declares these without C linkage for C++.
        const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
        if (pidfd < 0) return false;
        const int own = static_cast<int>(syscall(SYS_pidfd_getfd, pidfd, *fd, 0));
        close(pidfd);
        if (own < 0) return false;
        const bool done = shrink(own, SO_RCVBUF, bytes);
        close(own);
        return done;
    }
    return false;
}

}  // namespace

int shrink_loopback_buffers(int port, int bytes) {
    int changed = 0;
    for (const auto& connection : connections_to(port)) {
        const auto fd = find_fd("/proc/self/fd", connection.client_inode);
        if (!fd) continue;  // another process's connection
        if (shrink(*fd, SO_SNDBUF, bytes) && shrink_peer_receive_buffer(connection.server_inode, bytes)) ++changed;
    }
    return changed;
}

}  // namespace lp::test
