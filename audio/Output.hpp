#pragma once
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "audio/PcmFormat.hpp"

namespace lp::audio {

enum class OutputKind { alsa, file, null };

struct OutputSpec {
    std::string name;
    OutputKind kind = OutputKind::null;
    std::string target;  // ALSA PCM name for alsa, file path for file, ignored for null
    PcmFormat format;
};

// One destination for the airing's sound. Every implementation is an FFmpeg muxer
// (libavformat / libavdevice). An output never sleeps by itself: the player paces.
// All methods are called on the player thread.
class Output {
public:
    virtual ~Output() = default;
    // Opens the device or file for the spec's format. Throws OutputError naming the output.
    virtual void open() = 0;
    // Writes interleaved frames in the spec's format. Throws OutputError.
    virtual void write(std::span<const Sample> interleaved) = 0;
    // Flushes and closes (writes the trailer); safe to call twice or after a failed open.
    virtual void close() noexcept = 0;
    virtual bool is_open() const = 0;
    virtual const OutputSpec& spec() const = 0;
};

std::unique_ptr<Output> make_output(const OutputSpec& spec);

}  // namespace lp::audio
