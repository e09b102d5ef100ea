#include "audio/live/AlsaCapture.hpp"

namespace lp::audio::live {
namespace {

std::string alsa_error(const std::string& device, const char* call, int err) {
    return "alsa:" + device + ": " + call + "() failed: " + snd_strerror(err);
}

// Enough for the device to ride out a late read; what the player keeps is LiveSource's.
constexpr unsigned latency_us = 500'000;

}  // namespace

std::optional<std::string> capture_device(std::string_view url) {
    if (!url.starts_with(capture_scheme)) return std::nullopt;
    return std::string(url.substr(capture_scheme.size()));
}

void check_capture(const std::string& device) {
    snd_pcm_t* pcm = nullptr;
    if (const int err = snd_pcm_open(&pcm, device.c_str(), SND_PCM_STREAM_CAPTURE, SND_PCM_NONBLOCK); err < 0)
        throw CaptureOpenError(err, alsa_error(device, "snd_pcm_open", err));
    snd_pcm_close(pcm);
}

AlsaCapture::AlsaCapture(const std::string& device, PcmFormat format)
    : device_(device), channels_(static_cast<std::size_t>(format.channels)) {
    snd_pcm_t* pcm = nullptr;
    if (const int err = snd_pcm_open(&pcm, device.c_str(), SND_PCM_STREAM_CAPTURE, SND_PCM_NONBLOCK); err < 0)
        throw CaptureOpenError(err, alsa_error(device, "snd_pcm_open", err));
    pcm_.reset(pcm);
    // soft_resample: ALSA's plug layer converts a device of another rate or channel count.
    if (const int err = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED,
                                           static_cast<unsigned>(format.channels),
                                           static_cast<unsigned>(format.sample_rate), 1, latency_us);
        err < 0)
        throw MediaError(FailureKind::source_unreachable, alsa_error(device, "snd_pcm_set_params", err));
}

std::size_t AlsaCapture::read(std::span<float> out, std::chrono::milliseconds timeout) {
    const auto frames = out.size() / channels_;
    buffer_.resize(frames * channels_);
    auto* pcm = pcm_.get();
    if (snd_pcm_state(pcm) != SND_PCM_STATE_RUNNING) snd_pcm_start(pcm);  // capture starts on request
    if (const int ready = snd_pcm_wait(pcm, static_cast<int>(timeout.count())); ready == 0) return 0;
    auto got = snd_pcm_readi(pcm, buffer_.data(), frames);
    if (got == -EAGAIN) return 0;
    if (got < 0) {
        // An overrun (-EPIPE) or a suspend: prepare again and carry on; anything else is down.
        if (const int err = snd_pcm_recover(pcm, static_cast<int>(got), 1); err < 0)
            throw MediaError(FailureKind::source_dropouts, alsa_error(device_, "snd_pcm_readi", err));
        return 0;
    }
    const auto samples = static_cast<std::size_t>(got) * channels_;
    for (std::size_t i = 0; i < samples; ++i) out[i] = static_cast<float>(buffer_[i]) / 32768.0F;
    return static_cast<std::size_t>(got);
}

}  // namespace lp::audio::live
