#include "tests/support/Icecast.hpp"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lp::test {

namespace {

constexpr const char* password = "nguon-thu";

void give_to(const std::filesystem::path& path, const passwd* user) {
    if (user != nullptr && chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error("chown failed: " + path.string());
}

}  // namespace

IcecastServer::IcecastServer(int burst_bytes) : burst_bytes_(burst_bytes) {
    // A free port can be taken by a test running in parallel before icecast2 binds it; then
    // icecast2 exits at once (and the port answers for the other server). Try a few ports.
    for (int attempt = 0; attempt < 5; ++attempt) {
        port_ = free_port();
        write_config();
        start();
        if (!process_->wait(std::chrono::milliseconds{300})) return;  // still running: ours
        process_.reset();
    }
    throw std::runtime_error("icecast2 could not keep a port: " + error_log());
}

void IcecastServer::write_config() {
    const passwd* nobody = geteuid() == 0 ? getpwnam("nobody") : nullptr;
    std::ofstream xml{dir_ / "icecast.xml"};
    xml << "<icecast>\n"
           "  <limits><clients>20</clients><sources>8</sources>\n"
           "    <queue-size>4194304</queue-size><burst-size>"
        << burst_bytes_
        << "</burst-size>\n"
           "    <source-timeout>10</source-timeout><header-timeout>5</header-timeout>\n"
           "    <client-timeout>30</client-timeout></limits>\n"
           "  <authentication><source-password>"
        << password
        << "</source-password>\n"
           "    <admin-user>admin</admin-user><admin-password>"
        << password
        << "</admin-password>\n"
           "  </authentication>\n"
           "  <hostname>127.0.0.1</hostname>\n"
           "  <listen-socket><port>"
        << port_
        << "</port><bind-address>127.0.0.1</bind-address></listen-socket>\n"
           "  <fileserve>0</fileserve>\n"
           "  <paths><basedir>"
        << dir_.path().string() << "</basedir><logdir>" << dir_.path().string()
        << "</logdir>\n"
           "    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot>\n"
           "  </paths>\n"
           "  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog>\n"
           "    <loglevel>3</loglevel></logging>\n"
           "  <security><chroot>0</chroot></security>\n"
           "</icecast>\n";
    xml.close();
    give_to(dir_.path(), nobody);
    give_to(dir_ / "icecast.xml", nobody);
}

IcecastServer::~IcecastServer() { kill(); }

std::string IcecastServer::admin_password() { return password; }

void IcecastServer::start() {
    const std::string config = (dir_ / "icecast.xml").string();
    std::vector<std::string> argv{"icecast2", "-c", config};
    if (geteuid() == 0) argv.insert(argv.begin(), {"runuser", "-u", "nobody", "--"});
    process_ = std::make_unique<Process>(argv, dir_ / "stdout.log");
    if (!wait_tcp_listening(port_, std::chrono::seconds{10}))
        throw std::runtime_error("icecast2 did not start: " + error_log());
}

void IcecastServer::kill() {
    if (!process_) return;
    // runuser forks icecast2 in the same process group: kill the group.
    ::kill(-process_->pid(), SIGKILL);
    process_->wait(std::chrono::seconds{5});
    process_.reset();
}

// runuser forks icecast2 in the same process group: signal the group.
void IcecastServer::pause() {
    if (process_) ::kill(-process_->pid(), SIGSTOP);
}

void IcecastServer::resume() {
    if (process_) ::kill(-process_->pid(), SIGCONT);
}

std::string IcecastServer::source_url(const std::string& mount) const {
    return "icecast://source:" + std::string{password} + "@127.0.0.1:" + std::to_string(port_) + "/" + mount;
}

std::string IcecastServer::listen_url(const std::string& mount) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + mount;
}

std::string IcecastServer::error_log() const {
    std::ifstream in{dir_ / "error.log"};
    std::stringstream text;
    text << in.rdbuf();
    std::ifstream out{dir_ / "stdout.log"};
    text << out.rdbuf();
    return text.str();
}

std::vector<std::string> tone_mp3_args() {
    return {"ffmpeg",     "-nostdin", "-loglevel",
            "error",      "-re",      "-f",
            "lavfi",      "-i",       "sine=frequency=440:sample_rate=48000",
            "-ac",        "2",        "-c:a",
            "libmp3lame", "-b:a",     "128k"};
}

std::unique_ptr<Process> tone_station(const IcecastServer& server, const std::string& mount,
                                      const std::filesystem::path& log) {
    auto args = tone_mp3_args();
    args.insert(args.end(), {"-content_type", "audio/mpeg", "-f", "mp3", server.source_url(mount)});
    return std::make_unique<Process>(std::move(args), log);
}

}  // namespace lp::test
