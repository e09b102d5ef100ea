#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <span>

#include "audio/PcmFormat.hpp"

namespace lp::audio::player {

// Shapes one cue's PCM on its way to the outputs: a fixed gain (loudness matching), a short
// fade-in from silence and fade-out to silence (so item boundaries never click), and a peak
// limiter so that a gain never clips: instant attack, 50 ms release, ceiling -0.3 dBFS.
// Takes the decoder's float samples (full scale ±1.0) and hands out the outputs' s16, so
// the audio is rounded once. The fade-out needs to know where the cue ends, so the last
// `fade_out` of audio is held back until finish(). Not thread-safe.
class Shaper {
public:
    Shaper(PcmFormat format, double gain_db, std::chrono::milliseconds fade_in, std::chrono::milliseconds fade_out);

    // Takes decoded frames; returns those ready to write (valid until the next call).
    std::span<const Sample> push(std::span<const float> interleaved);
    // The cue has ended: the held-back tail, faded out (valid until the next call).
    std::span<const Sample> finish();

private:
    void process(std::span<const float> in, Sample* out);
    void limit_frame(const float* in, Sample* out);
    bool at_rest() const { return position_ >= fade_in_frames_ && envelope_ == 1.0F; }
    void reserve(std::size_t samples);

    std::size_t channels_;
    float scale_;  // gain times s16 full scale
    std::size_t fade_in_frames_;
    std::size_t fade_out_frames_;
    std::size_t position_ = 0;  // frames processed since the cue began
    float envelope_ = 1.0F;     // the limiter's current gain reduction
    float release_;             // per-frame recovery towards 1
    // Shaped samples: [handed out by the last call][held back: the fade-out window].
    std::unique_ptr<Sample[]> buffer_;
    std::size_t capacity_ = 0;
    std::size_t size_ = 0;
    std::size_t handed_ = 0;
};

}  // namespace lp::audio::player
