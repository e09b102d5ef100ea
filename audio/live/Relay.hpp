#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>

#include "audio/Decoder.hpp"
#include "audio/Player.hpp"
#include "audio/live/LiveSource.hpp"
#include "audio/live/RunningGain.hpp"

namespace lp::audio::live {

// One live cue on the player thread: every chunk it is asked for is filled at once, with the
// source's audio while it flows and with the fallback (the file from its start, looped, or
// silence) while it does not, and it keeps the account of both: seconds relayed, and each
// dropout with its wall-clock time and length. The source (re)joins only once `buffer` of
// it has arrived, so that network jitter does not chop the air into tiny dropouts.
class Relay {
public:
    // `gain`: the running loudness match (none: the source as it comes); `fallback_gain_db`:
    // the fallback file's fixed one.
    Relay(LiveSource& source, PcmFormat format, std::chrono::milliseconds buffer, std::optional<RunningGain> gain,
          double fallback_gain_db = 0.0);

    // A source with no fallback file fills its dropouts with `notice` (a spoken WAV): silence
    // for the dropout's first `after`, then the notice from its start, silence, and the notice
    // again every `every` while the dropout lasts. A notice that cannot be read is logged once
    // and silence stays.
    void set_notice(std::filesystem::path notice, std::chrono::milliseconds after, std::chrono::milliseconds every);

    // Fills all of `out`; `at` is when its first sample airs.
    void fill(std::span<float> out, Clock::time_point at);
    // The account so far (a dropout still open counts up to now).
    LiveReport report(std::chrono::milliseconds planned) const;

private:
    void fill_fallback(std::span<float> out);
    void fill_notice(std::span<float> out);
    void begin_dropout(Clock::time_point at);

    LiveSource& source_;
    PcmFormat format_;
    std::size_t channels_;
    std::size_t buffer_frames_;
    std::optional<RunningGain> gain_;
    float fallback_gain_;
    bool flowing_ = false;
    bool in_dropout_ = false;
    std::optional<Decoder> fallback_;
    bool fallback_broken_ = false;
    std::filesystem::path notice_path_;
    std::uint64_t notice_after_frames_ = 0;
    std::uint64_t notice_every_frames_ = 0;
    std::optional<Decoder> notice_;
    std::uint64_t notice_cycle_frames_ = 0;  // since the notice last started
    bool notice_ended_ = false;              // in this cycle: silence until the next one
    bool notice_broken_ = false;             // for good: logged once
    bool notice_played_ = false;             // for the report
    std::uint64_t relayed_frames_ = 0;
    std::uint64_t dropout_frames_ = 0;  // of the open dropout
    std::vector<Dropout> dropouts_;
};

}  // namespace lp::audio::live
