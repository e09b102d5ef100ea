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
//
// Event contract (all events on the player thread, in this order per cue):
// - on_started(at = wall clock when the cue's first chunk was written, outputs = those open)
//   then on_progress every progress_interval of the cue's audio position, then on_finished
//   with `played` = frames written / rate.
// - A cue whose file cannot be opened gets on_finished(failed, reason = MediaError text
//   naming the file) WITHOUT an on_started; a decode error mid-cue gets started + failed.
// - No output could open: every cue gets on_finished(failed, "no output could be opened:
//   <name>: <reason>; ..."), no on_started. All outputs failing mid-programme: that cue and
//   the rest fail with "every output failed: ...".
// - stop(): the playing cue gets on_finished(interrupted); its later cues get no events.
// - Every programme passed to play() ends with exactly one on_programme_done (after its
//   outputs are closed), also when it was cut or dropped from the queue by stop(); queued
//   programmes still pending at destruction are dropped silently.
// - Paced: outputs open ~200 ms before `start`, the first sample is written at `start`, writes
//   run at most 100 ms ahead of real time, and the programme's last on_finished comes when
//   its sound has ended. Unpaced: no waiting at all.
// The PlayerEvents object must outlive the player (the destructor may still emit events).
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
