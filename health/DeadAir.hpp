#pragma once
// The dead-air alarm of one output, as a pure state machine fed samples by the daemon's loop
// (about once a second) with a clock of the caller's choosing (tests use a virtual one).
//
// A sample is bad when the output should be carrying an airing and either it is not carrying
// it (failed, waiting for a retry, nothing written) or what it was fed since the last sample
// peaked below the silence floor. The alarm raises when samples have been bad without a
// break of at least `clear_after` for `threshold`; it clears by itself once samples have been
// good (sound, or nothing to play) for `clear_after`. The hysteresis keeps an output that
// fails, comes back for a moment and fails again from flapping.

#include <chrono>
#include <optional>

namespace lp::health {

struct DeadAirOptions {
    std::chrono::steady_clock::duration threshold = std::chrono::seconds{30};
    double silence_dbfs = -60.0;
    std::chrono::steady_clock::duration clear_after = std::chrono::seconds{2};
};

struct LevelSample {
    bool should_play = false;  // an airing is on and names this output
    bool carrying = false;     // the output is open and was fed since the last sample
    double peak_dbfs = -200;   // the highest peak fed since the last sample
};

class DeadAirAlarm {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    enum class Change { none, raised, cleared };

    explicit DeadAirAlarm(DeadAirOptions options = {}) : options_(options) {}

    Change update(TimePoint now, const LevelSample& sample);
    bool active() const { return active_; }
    // When the current bad stretch began (the alarm's cause), if any.
    std::optional<TimePoint> bad_since() const { return bad_since_; }
    // Why the last bad sample was bad: "silent" or "failing" (valid while bad).
    bool last_bad_was_failing() const { return failing_; }
    unsigned long long raised_total() const { return raised_; }

private:
    DeadAirOptions options_;
    std::optional<TimePoint> bad_since_;
    std::optional<TimePoint> good_since_;
    bool active_ = false;
    bool failing_ = false;
    unsigned long long raised_ = 0;
};

// 20·log10(peak) for a linear peak in [0, 1]; -200 for silence.
double to_dbfs(double linear);

}  // namespace lp::health
