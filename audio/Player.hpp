#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "audio/Failure.hpp"
#include "audio/Output.hpp"

namespace lp::audio {

using Clock = std::chrono::system_clock;

// The verdict of a check made off the player thread before a cue airs (e.g. the file still has
// the SHA-256 the library recorded): a failure, or none when the cue may air.
using CueCheck = std::shared_future<Failure>;

// A live source aired instead of a file (tiếp sóng: a relayed station; trực tiếp: read live
// into a capture input), for exactly the cue's planned length.
struct LiveSpec {
    std::string url;     // what FFmpeg opens: http(s)://, an HLS playlist, an SDP file, file://
    std::string format;  // the demuxer when it cannot be probed; empty: probe
    // Fills the gaps while the source is down (played from its start at each dropout); empty:
    // silence. Its loudness, when the library measured it, gets it the gain a file would.
    std::filesystem::path fallback{};
    std::optional<double> fallback_loudness_lufs{};
};

// One recording to air, in programme order.
struct Cue {
    std::filesystem::path file;
    // The item's integrated loudness (EBU R128, LUFS) as the library measured it. The player
    // applies gain = target - measured (clamped, peak-limited); unknown: no gain, and it logs so.
    std::optional<double> loudness_lufs{};
    // The length the library measured; a stream that ends clearly before it is reported
    // failed (ended_early) with what was heard, never completed. Zero: unknown, not checked.
    std::chrono::milliseconds length{0};
    // When valid, the player waits for it before opening the file and fails the cue with its
    // failure instead of airing it.
    CueCheck check{};
    // Set: the cue is this live source for `length` (which must then be positive), not `file`.
    std::optional<LiveSpec> live{};
};

// What the loop hands the player: cues to air back to back from `start` on `outputs`.
struct Programme {
    std::string id;  // the loop's own key, echoed in events
    std::vector<Cue> cues;
    std::vector<std::string> outputs;  // output names; the player opens only these
    Clock::time_point start;           // the first sample leaves at this instant
};

enum class CueResult { completed, interrupted, failed };

// A stretch of a live cue during which its source gave nothing and the fallback filled in.
struct Dropout {
    Clock::time_point at;
    std::chrono::milliseconds length{0};
};
// How a live cue went: `relayed` is the source's own audio that went out, never the fallback.
struct LiveReport {
    std::chrono::milliseconds planned{0};
    std::chrono::microseconds relayed{0};
    std::vector<Dropout> dropouts;
    std::string fallback;    // the fallback file's name; empty: silence (or the notice)
    std::string last_error;  // why the source was last down (FFmpeg's text naming the URL)
    bool notice = false;     // no fallback file: the spoken notice (LiveOptions) filled the gaps
};

// What the player tells the loop, one type for every event (see FfmpegPlayer for the order).
namespace event {
// The cue's first sample was written at `at` to `outputs`; `recording`: where it went in the
// archive's day recording, when an archive output carried it.
struct Started {
    Clock::time_point at;
    std::vector<std::string> outputs;
    std::optional<RecordingPosition> recording{};
};
// The cue's audio position (for the journal's last known position after a crash).
struct Progress {
    std::chrono::microseconds position;
};
// An output dropped out of, or rejoined, a started cue: `outputs` carry it from `at` on.
struct OutputsChanged {
    Clock::time_point at;
    std::vector<std::string> outputs;
};
// The cue ended: `played` = audio written (gap excluded); `failure` set when result is failed.
struct Finished {
    Clock::time_point at;
    std::chrono::microseconds played{0};
    CueResult result = CueResult::completed;
    Failure failure{};
    // Live cues: played = live->relayed, and the dropouts.
    std::optional<LiveReport> live{};
};
// The programme is over (also when cut or dropped): its outputs are closed.
struct ProgrammeDone {};
}  // namespace event

struct PlayerEvent {
    std::string programme;
    std::size_t cue = 0;  // unused for ProgrammeDone
    std::variant<event::Started, event::Progress, event::OutputsChanged, event::Finished, event::ProgrammeDone> what;
};

// Receives the player's events. Called on the player thread: an implementation posts them to
// the event loop and returns at once.
class PlayerEvents {
public:
    virtual ~PlayerEvents() = default;
    virtual void on_event(PlayerEvent event) = 0;
};

// Where a stop found the player: the programme it plays (or played last) and its latest cue,
// which has `ended` (completed or failed: reported so) or not (reported interrupted).
struct CutPoint {
    std::string programme;
    std::size_t cue = 0;
    bool ended = false;
};

// The seam between the scheduler/loop and audio. The real one decodes and plays on its own
// thread; tests of the scheduler use a double.
class Player {
public:
    virtual ~Player() = default;
    // Queues a programme; returns at once. Called on the loop thread.
    virtual void play(Programme programme) = 0;
    // Cuts whatever plays now and drops queued programmes; the cut cue is reported
    // `interrupted`. Returns at once, with where the player was at that instant (none before
    // its first cue): its events may still be on their way to the loop, and a cue reported
    // completed after the stop must not be taken for cut (nor one taken for cut reported
    // completed).
    virtual std::optional<CutPoint> stop() = 0;
};

}  // namespace lp::audio
