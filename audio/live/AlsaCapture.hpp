#pragma once
// The capture side of an ALSA PCM for a live source read into the box (trực tiếp): the
// microphone or line input, a PCM of asound.conf. The daemon does not link libavdevice: this
// talks to libasound itself. Sources name it "alsa:DEVICE" (library::check_live_url).

#include <alsa/asoundlib.h>

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "audio/Errors.hpp"
#include "audio/PcmFormat.hpp"

namespace lp::audio::live {

inline constexpr std::string_view capture_scheme = "alsa:";

// The device of a capture source's address ("alsa:hw:1,0" → "hw:1,0"); none for a stream.
std::optional<std::string> capture_device(std::string_view url);

// A capture device that would not open: error() is ALSA's (negative errno: -ENOENT for a name
// it does not know, -EBUSY for a device another program holds).
class CaptureOpenError : public MediaError {
public:
    CaptureOpenError(int error, const std::string& what)
        : MediaError(FailureKind::source_unreachable, what), error_(error) {}
    int error() const noexcept { return error_; }

private:
    int error_;
};

// Opens `device` for capture and closes it again (the check when a source is set): throws
// CaptureOpenError naming it with ALSA's text when it does not exist or is busy. Returns the errno
// ALSA gave on failure through the exception's text only.
void check_capture(const std::string& device);

// One capture PCM opened for `format` (interleaved s16 from the device, handed out as float),
// closed when destroyed. Opening never blocks on a busy device. Throws MediaError
// (source_unreachable) naming the device with ALSA's own text.
class AlsaCapture {
public:
    AlsaCapture(const std::string& device, PcmFormat format);

    // Reads up to out.size() / channels frames, waiting at most `timeout` for the first of them;
    // returns how many (0: nothing came in time). An overrun is recovered from (the audio lost
    // is the device's); another error throws MediaError (source_dropouts).
    std::size_t read(std::span<float> out, std::chrono::milliseconds timeout);

private:
    struct Closer {
        void operator()(snd_pcm_t* pcm) const noexcept { snd_pcm_close(pcm); }
    };
    std::string device_;
    std::size_t channels_;
    std::unique_ptr<snd_pcm_t, Closer> pcm_;
    std::vector<std::int16_t> buffer_;
};

}  // namespace lp::audio::live
