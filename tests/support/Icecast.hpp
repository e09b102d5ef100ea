#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {

// A real icecast2 server (Debian package icecast2) on 127.0.0.1, with its own small config,
// logs and a big burst (every listener gets the stream from its first byte). icecast2
// refuses to run as root: as root it is started with `runuser -u nobody` in a folder owned
// by nobody. start() returns once it accepts connections; kill() stops it hard (a crash);
// start() again brings it back on the same port. pause() freezes it (SIGSTOP: a hung server
// whose sockets stay open but are no longer read) until resume().
class IcecastServer {
public:
    // `burst_bytes`: what a new listener gets at once. The default holds a test's whole
    // stream; a real server's 64 KiB starts a listener in the middle of an MP3 frame.
    explicit IcecastServer(int burst_bytes = 2097152);
    ~IcecastServer();

    void start();
    void kill();
    void pause();
    void resume();
    int port() const { return port_; }
    // "icecast://source:PASSWORD@127.0.0.1:PORT/<mount>"
    std::string source_url(const std::string& mount) const;
    // "http://127.0.0.1:PORT/<mount>"
    std::string listen_url(const std::string& mount) const;
    std::string error_log() const;
    // Its admin account (user "admin"), for /admin/stats.
    static std::string admin_password();

private:
    void write_config();
    TempDir dir_;
    int burst_bytes_;
    int port_ = 0;
    std::unique_ptr<Process> process_;
};

// The ffmpeg CLI's arguments for a station's sound: a 440 Hz stereo tone encoded as 128 kbit/s
// MP3 in real time; the muxer and destination are the caller's to add.
std::vector<std::string> tone_mp3_args();

// A "station" on `server`: the ffmpeg CLI sending a 440 Hz stereo tone as 128 kbit/s MP3 in
// real time to `mount` until the Process is destroyed (or the server dies); its errors in `log`.
std::unique_ptr<Process> tone_station(const IcecastServer& server, const std::string& mount,
                                      const std::filesystem::path& log);

}  // namespace lp::test
