#pragma once
#include <chrono>
#include <cstdint>

namespace lp::audio::player {

// Real-time pacing against an absolute deadline: the frame number n is due at
// t0 + n / rate, computed from the total frame count each time (no accumulated rounding).
// Writes may run up to `lead` ahead of the sound. When the writer falls more than `resync`
// behind (the machine stalled), t0 moves so that it does not burst to catch up.
class Pacer {
public:
    using Steady = std::chrono::steady_clock;

    Pacer(int sample_rate, Steady::time_point t0, std::chrono::milliseconds lead = std::chrono::milliseconds{100},
          std::chrono::milliseconds resync = std::chrono::milliseconds{1000});

    // When the chunk beginning at frame `frames` (counted from t0) may be written.
    Steady::time_point write_time(std::uint64_t frames);
    // The instant the sound of the first `frames` frames has ended.
    Steady::time_point end_time(std::uint64_t frames) const;

private:
    int rate_;
    Steady::time_point t0_;
    std::chrono::milliseconds lead_;
    std::chrono::milliseconds resync_;
};

}  // namespace lp::audio::player
