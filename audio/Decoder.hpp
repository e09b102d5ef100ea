#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "audio/PcmFormat.hpp"

namespace lp::audio {

namespace ffmpeg {
class Interrupt;
}

// Decodes any FFmpeg-readable audio file (MP3, AAC/M4A, Ogg Vorbis/Opus, FLAC, WAV, any rate
// and channel count) and converts it to `target` with libswresample, as interleaved float
// (full scale ±1.0): the codecs decode to float, and the player's gain and limiter work on
// it before the one rounding to the outputs' s16.
class Decoder {
public:
    // Opens and probes the file and its best audio stream. Throws MediaError.
    Decoder(const std::filesystem::path& file, PcmFormat target);
    // Opens a live stream (any URL FFmpeg opens: HTTP/Icecast, HLS, RTP through an SDP file)
    // with a short probe, so that opening costs well under a second of the stream. Every
    // blocking call polls `interrupt`, which must outlive the decoder; `format` names the
    // demuxer when it cannot be probed. Throws MediaError naming the URL.
    Decoder(const std::string& url, PcmFormat target, ffmpeg::Interrupt& interrupt, const std::string& format = {});
    ~Decoder();
    Decoder(Decoder&&) noexcept;
    Decoder& operator=(Decoder&&) noexcept;

    // Fills `out` (interleaved, target format) with up to out.size()/channels frames and
    // returns how many frames it wrote; 0 means end of stream. Throws MediaError naming the
    // file and the position when decoding fails.
    std::size_t read(std::span<float> out);

    // Duration from the container; zero when unknown.
    std::chrono::microseconds duration() const;
    PcmFormat format() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lp::audio
