#include "audio/output/kinds/AlsaOutput.hpp"

#include <alsa/asoundlib.h>

#include <string>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/output/Target.hpp"  // describe

namespace lp::audio::output::kinds {
namespace {

// About half a second of sound in the device: five times the player's lead, so a paced
// writer never waits on it, small enough that a stop or a drain at close is quick.
constexpr unsigned buffer_microseconds = 500'000;
constexpr unsigned period_microseconds = 50'000;
// Underruns recovered within one write() before the device counts as failed.
constexpr int max_recoveries = 3;

std::string alsa_error(const char* call, int err) { return std::string{call} + "() failed: " + snd_strerror(err); }

// Owns snd_pcm_hw_params_t (snd_pcm_hw_params_malloc / snd_pcm_hw_params_free).
struct HwParams {
    snd_pcm_hw_params_t* p = nullptr;
    HwParams() {
        if (const int err = snd_pcm_hw_params_malloc(&p); err < 0)
            throw OutputError(alsa_error("snd_pcm_hw_params_malloc", err));
    }
    ~HwParams() { snd_pcm_hw_params_free(p); }
    HwParams(const HwParams&) = delete;
    HwParams& operator=(const HwParams&) = delete;
};

}  // namespace

void AlsaOutput::Closer::operator()(snd_pcm_t* pcm) const noexcept { snd_pcm_close(pcm); }

void AlsaOutput::fail(const std::string& what) const { throw OutputError(describe(spec_) + ": " + what); }

void AlsaOutput::configure() {
    snd_pcm_t* pcm = pcm_.get();
    HwParams hw;
    const auto step = [&](const char* call, int err) {
        if (err < 0) fail(alsa_error(call, err));
    };
    step("snd_pcm_hw_params_any", snd_pcm_hw_params_any(pcm, hw.p));
    step("snd_pcm_hw_params_set_access", snd_pcm_hw_params_set_access(pcm, hw.p, SND_PCM_ACCESS_RW_INTERLEAVED));
    step("snd_pcm_hw_params_set_format (s16)", snd_pcm_hw_params_set_format(pcm, hw.p, SND_PCM_FORMAT_S16));
    const auto channels = static_cast<unsigned>(spec_.format.channels);
    if (const int err = snd_pcm_hw_params_set_channels(pcm, hw.p, channels); err < 0)
        fail(alsa_error(("snd_pcm_hw_params_set_channels (" + std::to_string(channels) + ")").c_str(), err));
    const auto rate = static_cast<unsigned>(spec_.format.sample_rate);
    if (const int err = snd_pcm_hw_params_set_rate(pcm, hw.p, rate, 0); err < 0)
        fail(alsa_error(("snd_pcm_hw_params_set_rate (" + std::to_string(rate) + " Hz)").c_str(), err));
    unsigned buffer = buffer_microseconds;
    unsigned period = period_microseconds;
    step("snd_pcm_hw_params_set_buffer_time_near", snd_pcm_hw_params_set_buffer_time_near(pcm, hw.p, &buffer, nullptr));
    step("snd_pcm_hw_params_set_period_time_near", snd_pcm_hw_params_set_period_time_near(pcm, hw.p, &period, nullptr));
    step("snd_pcm_hw_params", snd_pcm_hw_params(pcm, hw.p));
}

void AlsaOutput::open() {
    close();
    if (spec_.format.sample_rate <= 0 || spec_.format.channels <= 0) fail("invalid PCM format");
    if (spec_.target.empty()) fail("no target given");
    snd_pcm_t* pcm = nullptr;
    if (const int err = snd_pcm_open(&pcm, spec_.target.c_str(), SND_PCM_STREAM_PLAYBACK, 0); err < 0)
        fail(alsa_error("snd_pcm_open", err));
    pcm_.reset(pcm);
    try {
        configure();
    } catch (...) {
        pcm_.reset();
        throw;
    }
}

void AlsaOutput::write(std::span<const Sample> interleaved) {
    if (!pcm_) fail("write() on a closed output");
    const auto channels = static_cast<std::size_t>(spec_.format.channels);
    const Sample* at = interleaved.data();
    auto left = static_cast<snd_pcm_uframes_t>(interleaved.size() / channels);
    int recoveries = 0;
    while (left > 0) {
        const snd_pcm_sframes_t n = snd_pcm_writei(pcm_.get(), at, left);
        if (n >= 0) {
            at += static_cast<std::size_t>(n) * channels;
            left -= static_cast<snd_pcm_uframes_t>(n);
            continue;
        }
        const int err = static_cast<int>(n);
        if (err == -EAGAIN) continue;
        // -EPIPE (underrun), -ESTRPIPE (suspended), -EINTR: prepared again and written on.
        if (++recoveries > max_recoveries || snd_pcm_recover(pcm_.get(), err, 1) < 0)
            fail(alsa_error("snd_pcm_writei", err));
        detail::logger("audio")->warn("{}: {} (recovered)", describe(spec_), snd_strerror(err));
    }
}

void AlsaOutput::close() noexcept {
    if (!pcm_) return;
    // What is in the device plays out (as FFmpeg's alsa muxer did at its trailer); a device
    // that is gone fails at once.
    if (const int err = snd_pcm_drain(pcm_.get()); err < 0) {
        try {
            detail::logger("audio")->warn("{}: {}", describe(spec_), alsa_error("snd_pcm_drain", err));
        } catch (...) {  // logging must not break close(); nothing else to do
        }
    }
    pcm_.reset();
}

}  // namespace lp::audio::output::kinds
