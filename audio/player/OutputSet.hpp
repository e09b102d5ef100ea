#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audio/Output.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio::player {

// The outputs of one programme: opens those named, leaves out (and logs) the ones that fail,
// writes every chunk to each open output (converting when an output's format differs from
// the shared one) and drops an output whose write fails. Player thread only.
class OutputSet {
public:
    // Opens the specs named in `names` (all of `configured` when `names` is empty).
    OutputSet(const std::vector<OutputSpec>& configured, const std::vector<std::string>& names);
    ~OutputSet() { close(); }
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    bool empty() const { return entries_.empty(); }
    // The format cues are decoded to: the first open output's.
    PcmFormat format() const { return format_; }
    std::vector<std::string> names() const;
    // "name: reason; name: reason" for every output that failed to open or was dropped.
    std::string failures() const;

    // Writes interleaved frames in format() to every open output.
    void write(std::span<const Sample> interleaved);
    // Closes every output (writes trailers). Idempotent.
    void close() noexcept;

private:
    struct Entry {
        std::unique_ptr<Output> output;
        std::optional<ffmpeg::Resampler> converter;  // when its format differs from format_
        std::vector<Sample> buffer;
    };

    void write_one(Entry& entry, std::span<const Sample> interleaved);
    // An output failed while writing. Today it is closed and dropped for the rest of the
    // programme; retrying with backoff belongs here.
    void drop(std::size_t index, const std::string& reason);

    PcmFormat format_;
    std::optional<ffmpeg::ChannelLayout> layout_;
    std::vector<Entry> entries_;
    std::vector<std::string> failures_;
};

}  // namespace lp::audio::player
