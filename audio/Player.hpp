#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lp::audio {

using Clock = std::chrono::system_clock;

// One recording to air, in programme order.
struct Cue {
    std::filesystem::path file;
    // The item's integrated loudness (EBU R128, LUFS) as the library measured it. The player
    // applies gain = target - measured (clamped, peak-limited); unknown: no gain, and it logs so.
    std::optional<double> loudness_lufs{};
};

// What the loop hands the player: cues to air back to back from `start` on `outputs`.
struct Programme {
    std::string id;                    // the loop's own key, echoed in events
    std::vector<Cue> cues;
    std::vector<std::string> outputs;  // output names; the player opens only these
    Clock::time_point start;           // the first sample leaves at this instant
};

enum class CueResult { completed, interrupted, failed };

// Events from the player. Called on the player thread: an implementation posts them to the
// event loop and returns at once.
class PlayerEvents {
public:
    virtual ~PlayerEvents() = default;
    virtual void on_started(const std::string& programme, std::size_t cue, Clock::time_point at,
                            std::vector<std::string> outputs) = 0;
    virtual void on_progress(const std::string& programme, std::size_t cue,
                             std::chrono::microseconds position) = 0;
    // `reason` is empty for completed; FFmpeg's message (naming the file) for failed.
    virtual void on_finished(const std::string& programme, std::size_t cue, Clock::time_point at,
                             std::chrono::microseconds played, CueResult result,
                             std::string reason) = 0;
    virtual void on_programme_done(const std::string& programme) = 0;
    // The outputs carrying a started cue changed mid-cue: one failed (and is being retried) or
    // one came back and rejoined. `outputs` are those carrying it from `at` on. Between the
    // cue's on_started and on_finished. The default ignores it (doubles need not care).
    virtual void on_outputs_changed(const std::string& programme, std::size_t cue, Clock::time_point at,
                                    std::vector<std::string> outputs) {
        (void)programme, (void)cue, (void)at, (void)outputs;
    }
};

// The seam between the scheduler/loop and audio. The real one decodes and plays on its own
// thread; tests of the scheduler use a double.
class Player {
public:
    virtual ~Player() = default;
    // Queues a programme; returns at once. Called on the loop thread.
    virtual void play(Programme programme) = 0;
    // Cuts whatever plays now and drops queued programmes; the cut cue is reported
    // `interrupted`. Returns at once.
    virtual void stop() = 0;
};

}  // namespace lp::audio
