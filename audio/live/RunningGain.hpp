#pragma once
#include <cstddef>
#include <span>

#include "audio/PcmFormat.hpp"
#include "audio/live/RunningLoudness.hpp"

namespace lp::audio::live {

// Loudness matching for a live source, whose loudness nobody measured beforehand: the gain
// follows target - (integrated loudness of what was received so far), clamped like a file's,
// re-evaluated every second once 3 s were heard and moving at most 3 dB per second (ramped
// per sample), so that it settles without pumping. Until then: no gain. Not thread-safe.
class RunningGain {
public:
    RunningGain(PcmFormat format, double target_lufs, double max_cut_db, double max_boost_db);

    // Measures `samples` (interleaved, full scale ±1.0) and applies the gain in place.
    void apply(std::span<float> samples);
    double gain_db() const { return gain_db_; }

private:
    void measure(std::span<const float> samples);

    std::size_t channels_;
    int rate_;
    double target_;
    double max_cut_;
    double max_boost_;
    RunningLoudness meter_;
    std::size_t heard_ = 0;       // frames measured
    std::size_t next_check_ = 0;  // frames at which the goal is re-evaluated
    double goal_db_ = 0.0;
    double gain_db_ = 0.0;
};

}  // namespace lp::audio::live
