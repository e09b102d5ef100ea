#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/TempDir.hpp"

namespace lp::test {

// An ALSA PCM that needs no sound card and captures what is played into a file.
//
// The constructor writes a copy of /usr/share/alsa/alsa.conf with
//   pcm.<name> { type file; slave.pcm "null"; file "<dir>/tap.raw"; format "raw" }
// appended, and points ALSA_CONFIG_PATH at it (setenv, process-wide): from then on any ALSA
// client in this process, and any child started afterwards (e.g. the real daemon), can open
// the PCM `<name>` ("tap" by default) and its audio lands in raw_path() exactly as written
// (for loaphuong: interleaved s16le at the output's rate and channels). Neither the null
// slave nor the file plugin paces to real time. The destructor restores the previous
// ALSA_CONFIG_PATH. Use one AlsaTap at a time (the variable is global).
//
// By default ALSA truncates the file each time the PCM is opened (the player opens its
// outputs once per programme); pass append = true to keep every opening's audio.
class AlsaTap {
public:
    explicit AlsaTap(std::string pcm_name = "tap", bool append = false);
    ~AlsaTap();
    AlsaTap(const AlsaTap&) = delete;
    AlsaTap& operator=(const AlsaTap&) = delete;

    const std::string& pcm_name() const { return name_; }
    const std::filesystem::path& raw_path() const { return raw_; }
    const std::filesystem::path& config_path() const { return config_; }
    // "ALSA_CONFIG_PATH=<config>", for a command line or an exec environment.
    std::string environment() const;

    // The s16 samples captured so far (interleaved as written); empty when nothing played.
    std::vector<short> samples() const;
    // Removes what was captured so far.
    void clear() const;
    // Defines the capture PCM `name` in the same config: it yields the raw interleaved s16 of
    // `infile` (silence after its end), as fast as it is read. Opening it fails while `infile`
    // does not exist (a "missing device").
    void add_capture(const std::string& name, const std::filesystem::path& infile) const;
    // Defines the capture PCM `name` through the test plugin tests/support/alsa/BusyPcm.cpp:
    // snd_pcm_open() fails with -EBUSY ("Device or resource busy") while a HeldDevice holds the
    // returned lock file, as a sound card does while another program records from it, and
    // opens the PCM `slave` (e.g. one of add_capture) otherwise.
    std::filesystem::path add_busy_capture(const std::string& name, const std::string& slave) const;

private:
    TempDir dir_;
    std::string name_;
    std::filesystem::path raw_;
    std::filesystem::path config_;
    std::optional<std::string> previous_;
};

// Another program holding a busy capture PCM of AlsaTap::add_busy_capture (its lock file),
// from construction to destruction, in this process or any other.
class HeldDevice {
public:
    explicit HeldDevice(const std::filesystem::path& lock);
    ~HeldDevice();
    HeldDevice(const HeldDevice&) = delete;
    HeldDevice& operator=(const HeldDevice&) = delete;

private:
    int fd_;
};

}  // namespace lp::test
