#pragma once
#include <chrono>
#include <cstddef>
#include <span>
#include <vector>

#include "audio/PcmFormat.hpp"

namespace lp::audio::player {

// Shapes one cue's PCM on its way to the outputs: a fixed gain (loudness matching), a short
// fade-in from silence and fade-out to silence (so item boundaries never click), and a peak
// limiter so that a gain never clips: instant attack, 50 ms release, ceiling -0.3 dBFS.
// The fade-out needs to know where the cue ends, so the last `fade_out` of audio is held
// back until finish(). Not thread-safe.
class Shaper {
public:
    Shaper(PcmFormat format, double gain_db, std::chrono::milliseconds fade_in,
           std::chrono::milliseconds fade_out);

    // Takes decoded frames; returns those ready to write (valid until the next call).
    std::span<const Sample> push(std::span<const Sample> interleaved);
    // The cue has ended: the held-back tail, faded out (valid until the next call).
    std::span<const Sample> finish();

private:
    void process(std::span<const Sample> in);

    std::size_t channels_;
    float gain_;
    std::size_t fade_in_frames_;
    std::size_t fade_out_frames_;
    std::size_t position_ = 0;  // frames processed since the cue began
    float envelope_ = 1.0F;     // the limiter's current gain reduction
    float release_;             // per-frame recovery towards 1
    std::vector<Sample> held_;  // processed, not yet handed out (the fade-out window)
    std::vector<Sample> ready_;
};

}  // namespace lp::audio::player
