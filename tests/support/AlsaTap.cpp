#include "tests/support/AlsaTap.hpp"

#include <cstdlib>
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

void AlsaTap::clear() const {
    std::error_code ignored;
    std::filesystem::remove(raw_, ignored);
}

}  // namespace lp::test
