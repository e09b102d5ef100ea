#pragma once
#include <chrono>
#include <memory>
#include <vector>

#include "audio/Output.hpp"
#include "audio/Player.hpp"

namespace lp::audio {

struct PlayerOptions {
    // Paced: writes leave at real-time speed against an absolute deadline and the programme
    // waits for its start instant. Unpaced (tests, benchmarks): as fast as decoding goes.
    bool paced = true;
    std::chrono::milliseconds progress_interval{2000};
};

// The real player: one named thread ("lp-player") that decodes cues with Decoder and writes
// them to the programme's outputs (make_output). A cue that cannot be decoded is reported
// failed with FFmpeg's reason and the next cue plays. An output that cannot open is left out
// (and named in the log) while the others play; a cue fails only when no output could open.
class FfmpegPlayer final : public Player {
public:
    FfmpegPlayer(std::vector<OutputSpec> outputs, PlayerEvents& events, PlayerOptions options = {});
    ~FfmpegPlayer() override;  // stops and joins the thread
    void play(Programme programme) override;
    void stop() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lp::audio
