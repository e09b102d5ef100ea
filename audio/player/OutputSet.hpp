#pragma once
#include <chrono>
#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audio/Output.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio::player {

// Backoff for outputs that fail: first retry after `first`, doubling up to `max`.
struct RetryPolicy {
    std::chrono::milliseconds first{1000};
    std::chrono::milliseconds max{30000};
};

// The outputs of one programme. Opens those named; one that fails to open, or fails while
// writing, is closed and retried with exponential backoff while the others keep playing.
// Reopening runs on a helper thread (a connect may block) and the output rejoins at the next
// chunk once it is open again. Writes every chunk to each live output, converting when its
// format differs from the shared one; network outputs (icecast, rtp, udp) take it through a
// queue and a writer thread of their own (output::AsyncOutput), so that a stalled peer never
// holds up the others. Player thread only.
class OutputSet {
public:
    using Clock = std::chrono::steady_clock;

    // Opens the specs named in `names` (all of `configured` when `names` is empty).
    OutputSet(const std::vector<OutputSpec>& configured, const std::vector<std::string>& names,
              std::chrono::system_clock::time_point airing_start, RetryPolicy retry = {});
    ~OutputSet() { close(); }
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;

    // No output is live (none opened, or all failed and none has come back yet).
    bool empty() const;
    // Whether any output exists at all (live or waiting for a retry).
    bool any_configured() const { return !entries_.empty(); }
    // The format cues are decoded to: the first configured output's (fixed for the programme,
    // so that an output rejoining does not change it).
    PcmFormat format() const { return format_; }
    // Names of the live outputs, in configuration order.
    std::vector<std::string> names() const;
    // Bumped whenever the live set changes (an output dropped or rejoined).
    std::uint64_t generation() const { return generation_; }
    // "name: reason; name: reason" for every failure so far.
    std::string failures() const;

    // Lets outputs whose reopen finished rejoin and starts due retries; never blocks.
    void service();
    // Reopens, synchronously, every output whose retry is due, and waits for reopens under
    // way (nothing is playing: the start of a cue after every output failed). Returns
    // whether one is live afterwards.
    bool reopen_now();

    // Writes interleaved frames in format() to every live output.
    void write(std::span<const Sample> interleaved);
    // Closes every output (writes trailers), waiting for pending reopens. Idempotent.
    void close() noexcept;

private:
    enum class State { live, waiting, reopening };
    struct Entry {
        std::unique_ptr<Output> output;
        State state = State::live;
        std::optional<ffmpeg::Resampler> converter;  // when its format differs from format_
        std::vector<Sample> buffer;
        Clock::time_point retry_at{};
        std::chrono::milliseconds backoff{};
        std::future<std::exception_ptr> reopening;
    };

    void start_live(Entry& entry);
    void write_one(Entry& entry, std::span<const Sample> interleaved);
    void fail(Entry& entry, const std::string& reason);

    RetryPolicy retry_;
    PcmFormat format_;
    std::optional<ffmpeg::ChannelLayout> layout_;
    std::vector<Entry> entries_;
    std::vector<std::string> failures_;
    std::uint64_t generation_ = 0;
};

}  // namespace lp::audio::player
