#include "tests/support/AlsaTap.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "tests/support/Pcm.hpp"

namespace lp::test {

AlsaTap::AlsaTap(std::string pcm_name, bool append)
    : name_(std::move(pcm_name)), raw_(dir_ / "tap.raw"), config_(dir_ / "alsa.conf") {
    const std::filesystem::path system_conf = "/usr/share/alsa/alsa.conf";
    std::filesystem::copy_file(system_conf, config_);
    std::ofstream out{config_, std::ios::app};
    out << "\npcm." << name_ << " {\n  type file\n  slave.pcm \"null\"\n  file \"" << raw_.string()
        << "\"\n  format \"raw\"\n"
        << (append ? "  truncate false\n" : "") << "}\n";
    if (!out) throw std::runtime_error("AlsaTap: cannot write " + config_.string());
    out.close();
    if (const char* old = std::getenv("ALSA_CONFIG_PATH")) previous_ = old;
    setenv("ALSA_CONFIG_PATH", config_.c_str(), 1);
}

AlsaTap::~AlsaTap() {
    if (previous_)
        setenv("ALSA_CONFIG_PATH", previous_->c_str(), 1);
    else
        unsetenv("ALSA_CONFIG_PATH");
}

std::string AlsaTap::environment() const { return "ALSA_CONFIG_PATH=" + config_.string(); }

std::vector<short> AlsaTap::samples() const { return read_s16(raw_); }

void AlsaTap::add_capture(const std::string& name, const std::filesystem::path& infile) const {
    std::ofstream out{config_, std::ios::app};
    out << "\npcm." << name << " {\n  type file\n  slave.pcm \"null\"\n  file \"/dev/null\"\n  infile \""
        << infile.string() << "\"\n  format \"raw\"\n}\n";
    if (!out) throw std::runtime_error("AlsaTap: cannot write " + config_.string());
}

std::filesystem::path AlsaTap::add_busy_capture(const std::string& name, const std::string& slave) const {
    const auto lock = dir_ / (name + ".lock");
    std::ofstream{lock};
    std::ofstream out{config_, std::ios::app};
    out << "\npcm_type.lpbusy {\n  lib \"" << LP_BUSY_PCM_PLUGIN << "\"\n}\npcm." << name
        << " {\n  type lpbusy\n  lock \"" << lock.string() << "\"\n  slave \"" << slave << "\"\n}\n";
    if (!out) throw std::runtime_error("AlsaTap: cannot write " + config_.string());
    return lock;
}

HeldDevice::HeldDevice(const std::filesystem::path& lock) : fd_(open(lock.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0 || flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const std::string why = std::strerror(errno);
        if (fd_ >= 0) close(fd_);
        throw std::runtime_error("HeldDevice: cannot hold " + lock.string() + ": " + why);
    }
}

HeldDevice::~HeldDevice() { close(fd_); }

void AlsaTap::clear() const {
    std::error_code ignored;
    std::filesystem::remove(raw_, ignored);
}

}  // namespace lp::test
