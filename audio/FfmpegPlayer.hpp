#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "audio/Output.hpp"
#include "audio/Player.hpp"
#include "audio/PlayerHealth.hpp"
#include "audio/live/LiveOptions.hpp"

namespace lp::audio {

struct PlayerOptions {
    // Paced: writes leave at real-time speed against an absolute deadline and the programme
    // waits for its start instant. Unpaced (tests, benchmarks): as fast as decoding goes.
    bool paced = true;
    std::chrono::milliseconds progress_interval{2000};

    // Loudness matching: each cue with a known loudness gets gain = target - measured, clamped
    // to [-max_cut_db, +max_boost_db]. No target: no gain at all.
    std::optional<double> loudness_target_lufs{};
    double max_boost_db = 12.0;
    double max_cut_db = 30.0;
    // Every cue fades in from and out to silence over these (no clicks at boundaries).
    std::chrono::milliseconds fade_in{15};
    std::chrono::milliseconds fade_out{15};
    // Silence between consecutive cues of a programme.
    std::chrono::milliseconds gap{0};
    // A failed output is retried after retry_first, doubling up to retry_max.
    std::chrono::milliseconds retry_first{1000};
    std::chrono::milliseconds retry_max{30000};
    // When set, the player thread beats its heartbeat at least once a second and meters what
    // each output is fed (the watchdog and the dead-air alarm read it).
    std::shared_ptr<PlayerHealth> health;
    // Live cues (Cue::live): timeouts, retries and the jitter buffer of their sources.
    LiveOptions live{};
};

// The real player: one named thread ("lp-player") that decodes cues with Decoder and writes
// them to the programme's outputs. It keeps one Output per configured output for its
// lifetime (player::make_player_outputs): network ones write through a queue and a thread of
// their own, open in the background (a server that does not answer never delays the
// loudspeakers), and keep their stream from one programme to the next when the next one
// opens them within the silent tail. A cue that cannot be decoded is reported
// failed with FFmpeg's reason and the next cue plays. An output that cannot open, or fails
// while playing, is retried with exponential backoff (retry_first .. retry_max) while the
// others play, and rejoins mid-cue when it is back (OutputsChanged); a cue fails only
// when no output carries it.
//
// Event contract (all events on the player thread, in this order per cue):
// - Started (at = wall clock when the cue's first chunk was written, outputs = those open),
//   then Progress every progress_interval of the cue's audio position, OutputsChanged
//   whenever an output drops out or rejoins, then Finished with `played` = frames
//   written / rate (gap excluded).
// - A cue whose check fails (Cue::check) or whose file cannot be opened gets Finished(failed,
//   the failure's kind and FFmpeg's text naming the file) WITHOUT a Started; a decode error
//   mid-cue, or a stream that ends clearly before Cue::length, gets Started + Finished(failed,
//   broke_midway / ended_early) with what was played.
// - No output could open: every cue gets Finished(failed, no_output), no Started. All outputs
//   failing mid-programme: that cue and the rest fail with outputs_failed.
// - stop(): the playing cue gets Finished(interrupted); its later cues get no events. A cue
//   is settled completed (or failed) under the same lock as the stop's cut point: one the
//   stop found unfinished is reported interrupted even if its last sample was out.
// - Every programme passed to play() ends with exactly one ProgrammeDone (after its
//   outputs are closed: local ones flushed, network ones handed their last audio), also when
//   it was cut or dropped from the queue by stop(); queued programmes still pending at
//   destruction are dropped silently.
// - Paced: outputs open ~200 ms before `start` (network ones have until 50 ms before it to
//   connect, then join when ready) and the first cue's file is opened and
//   decoded during that pre-roll, so that the first sample is written at `start`; writes go
//   in 100 ms chunks at most 200 ms ahead of real time, and the programme's last
//   Finished comes when its sound has ended. Unpaced: no waiting at all.
// - A live cue (Cue::live) airs for exactly its length: its source is opened on a thread of
//   its own when the programme is taken (the next one's when the cue before it starts) and
//   retried while down; the fallback fills the gaps. Started comes at its first sample
//   whatever the source does; Finished has played = the source's own audio and a
//   LiveReport, and is completed only when the source never dropped out, otherwise failed
//   (source_dropouts, or source_unreachable when nothing of it aired).
// The PlayerEvents object must outlive the player (the destructor may still emit events).
class FfmpegPlayer final : public Player {
public:
    FfmpegPlayer(std::vector<OutputSpec> outputs, PlayerEvents& events, PlayerOptions options = {});
    ~FfmpegPlayer() override;  // stops and joins the thread
    void play(Programme programme) override;
    // Ends the live cue of `programme` now, as if planned to end there (loaphuong live stop):
    // it settles and reports like a cue that reached its end, and what follows it plays. Any
    // thread; it takes effect within a chunk (100 ms), also when that cue has not begun yet.
    void end_live(const std::string& programme);
    std::optional<CutPoint> stop() override;
    // A reloaded config: from the next cue boundary (or the next programme when idle), the
    // outputs whose spec changed or that are gone are closed and dropped, new and changed
    // ones made (and join the airing if its programme wants them), and unchanged ones keep
    // running untouched; the loudness target, fades and gap of `options` apply from the next
    // cue. Returns at once; a later call replaces one not yet applied.
    void reconfigure(std::vector<OutputSpec> outputs, const PlayerOptions& options);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lp::audio
