#pragma once
#include <chrono>
#include <cstdint>
#include <exception>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "audio/Output.hpp"
#include "audio/ffmpeg/ChannelLayout.hpp"
#include "audio/ffmpeg/Resampler.hpp"

namespace lp::audio::player {

// One of the player's outputs, kept for the player's lifetime. `pending` is the last open
// started in the background (a connect can take its whole timeout); a programme that ends
// does not wait for it, and whoever opens the output next waits for it first, off the
// player thread. Destroying the PlayerOutput waits for it too (std::async's shared state).
struct PlayerOutput {
    explicit PlayerOutput(std::unique_ptr<Output> made) : output(std::move(made)) {}
    std::unique_ptr<Output> output;
    std::shared_future<std::exception_ptr> pending;
};

// Backoff for outputs that fail: first retry after `first`, doubling up to `max`.
struct RetryPolicy {
    std::chrono::milliseconds first{1000};
    std::chrono::milliseconds max{30000};
};

// The outputs of one programme. Opens those named; one that fails to open, or fails while
// writing, is closed and retried with exponential backoff while the others keep playing.
// Reopening runs on a helper thread (a connect may block) and the output rejoins at the next
// chunk once it is open again. Writes every chunk to each live output, converting when its
// format differs from the shared one; network outputs (Kind::network) take it through a
// queue and a writer thread of their own (output::AsyncOutput), so that a stalled peer never
// holds up the others. Player thread only.
class OutputSet {
public:
    using Clock = std::chrono::steady_clock;

    // Opens the outputs named in `names` (all of `available` when `names` is empty), which
    // must outlive the set: local ones now, network ones (Kind::network) in the
    // background, to be waited for with settle().
    OutputSet(std::list<PlayerOutput>& available, const std::vector<std::string>& names,
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
    // Where the next sample goes in the first live output that records (the archive).
    std::optional<RecordingPosition> recording_position() const;
    // Bumped whenever the live set changes (an output dropped or rejoined).
    std::uint64_t generation() const { return generation_; }
    // "name: reason; name: reason" for every failure so far.
    std::string failures() const;
    // Every failure so far, "name: reason", oldest first (the health meters count them).
    const std::vector<std::string>& failure_list() const { return failures_; }

    // Waits for the outputs still opening, until `deadline` (none: as long as they take); those
    // that opened are live, those that failed are retried later. One still connecting at the
    // deadline joins the airing when it is ready.
    void settle(std::optional<Clock::time_point> deadline);
    // Whether an output is still opening (or reopening).
    bool opening() const;
    // Lets outputs whose reopen finished rejoin and starts due retries; never blocks.
    void service();
    // Reopens, synchronously, every output whose retry is due, and waits for reopens under
    // way (nothing is playing: the start of a cue after every output failed). Returns
    // whether one is live afterwards.
    bool reopen_now();

    // A reloaded config, between two cues: the outputs in `going` leave the set (closed; one
    // still opening is left to close itself), and `joining` ones join it (opened as at the
    // start). Outputs in neither are untouched: they keep playing without a break.
    void leave(const std::vector<const PlayerOutput*>& going);
    void join(PlayerOutput& joining);

    // Writes interleaved frames in format() to every live output.
    void write(std::span<const Sample> interleaved);
    // Closes every output (writes trailers). An open still under way is left to finish in the
    // background and closes its output when it does. Idempotent; never waits for a peer.
    void close() noexcept;

private:
    enum class State { live, waiting, reopening };
    // Between a background open and the set: a set that closes first leaves the output to it.
    struct Handover {
        std::mutex mutex;
        bool done = false;       // the open has returned
        bool abandoned = false;  // the set closed before it did: close the output after opening
    };
    struct Entry {
        PlayerOutput* slot = nullptr;  // the player's; outlives the set
        Output* output = nullptr;      // slot->output
        State state = State::live;
        std::optional<ffmpeg::Resampler> converter;  // when its format differs from format_
        std::vector<Sample> buffer;
        Clock::time_point retry_at{};
        std::chrono::milliseconds backoff{};
        std::shared_future<std::exception_ptr> reopening;
        std::shared_ptr<Handover> handover;
    };

    void close_entry(Entry& entry) noexcept;
    void open_in_background(Entry& entry);
    void start_live(Entry& entry);
    void write_one(Entry& entry, std::span<const Sample> interleaved);
    void fail(Entry& entry, const std::string& reason);

    RetryPolicy retry_;
    PcmFormat format_;
    std::optional<ffmpeg::ChannelLayout> layout_;
    std::vector<Entry> entries_;
    std::chrono::system_clock::time_point airing_start_;
    std::vector<std::string> failures_;
    std::uint64_t generation_ = 0;
};

// The player's outputs, one per spec: make_output's muxer, behind a queue and a writer thread
// of its own for network kinds (output::AsyncOutput). The player keeps them for its
// lifetime, so that a network stream can go on from one programme to the next.
std::list<PlayerOutput> make_player_outputs(const std::vector<OutputSpec>& specs);
// One of them (a reload adds or changes an output).
std::unique_ptr<Output> make_player_output(const OutputSpec& spec);

}  // namespace lp::audio::player
