#pragma once
// A live cue on the player thread: the relay loop that airs a source for its planned length,
// kept apart from the player's file path. The player hands it the source (opened ahead during
// the previous cue or the pre-roll) and a CueSink that writes, paces and reports for it.

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "audio/Failure.hpp"
#include "audio/Player.hpp"
#include "audio/live/LiveOptions.hpp"
#include "audio/live/LiveSource.hpp"

namespace spdlog {
class logger;
}

namespace lp::audio::live {

// What a live cue needs of the player while it airs. Called on the player thread only.
class CueSink {
public:
    virtual ~CueSink() = default;
    virtual bool cancelled() const = 0;
    // The operator ended the live session (loaphuong live stop): the cue ends now, its
    // planned length becomes what it aired, and what follows it airs.
    virtual bool end_requested() const = 0;
    // Writes shaped samples paced to the air; false when stopped.
    virtual bool emit(std::span<const Sample> samples) = 0;
    virtual void progress(std::chrono::microseconds relayed) = 0;
    virtual void ensure_started() = 0;
    // Why every output failed; none while one carries the cue.
    virtual std::optional<std::string> outputs_failed() const = 0;
    // Waits until the last sample written is heard (the programme's last cue); false when stopped.
    virtual bool drain() = 0;
    // Settles the cue's end and reports it; returns whether it completed.
    virtual bool finish(CueResult result, Failure failure, LiveReport report) = 0;
};

// How a live cue airs: the player's options that apply to it.
struct LiveCueSetup {
    std::string programme;  // for the log
    std::size_t cue = 0;
    std::chrono::milliseconds planned{0};
    PcmFormat format{};
    std::size_t chunk_frames = 0;
    std::chrono::milliseconds buffer{0};
    std::optional<double> loudness_target_lufs{};
    double max_cut_db = 0.0;
    double max_boost_db = 0.0;
    double fallback_gain_db = 0.0;
    std::chrono::milliseconds fade_in{0};
    std::chrono::milliseconds fade_out{0};
    bool last = false;               // the programme's last cue: its end is waited for in real time
    std::filesystem::path notice{};  // notice_for()
    std::chrono::milliseconds notice_after{0};
    std::chrono::milliseconds notice_every{0};
};

// The spoken notice for the dropouts of `spec`: a capture device's (a live reading) or a
// relayed stream's.
const std::filesystem::path& notice_for(const LiveSpec& spec, const LiveOptions& options);

// Airs `source` for setup.planned (see FfmpegPlayer's contract for live cues): the source's
// audio while it flows, the fallback while it does not, completed when it never dropped out,
// else failed with the dropouts (source_dropouts) or nothing relayed (source_unreachable).
// Ended early by CueSink::end_requested(), it counts as planned to end there. Returns whether
// it completed.
bool air_live(LiveSource& source, const LiveCueSetup& setup, CueSink& sink, spdlog::logger& log);

// The live sources of a programme's cues, each opened ahead of its cue so that it connects
// while the cue before it (or the pre-roll) airs.
class OpenAhead {
public:
    explicit OpenAhead(LiveOptions options) : options_(options) {}
    // Starts receiving `spec` for `cue` unless it is already received.
    void open(std::size_t cue, const LiveSpec& spec, PcmFormat format);
    // The source of `cue`, reopened when it was not opened ahead in `format`.
    LiveSource& take(std::size_t cue, const LiveSpec& spec, PcmFormat format);
    // Disconnects the source of `cue`.
    void close(std::size_t cue) { sources_.erase(cue); }

private:
    LiveOptions options_;
    std::map<std::size_t, std::unique_ptr<LiveSource>> sources_;
};

}  // namespace lp::audio::live
