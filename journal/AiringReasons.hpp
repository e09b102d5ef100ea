#pragma once
// What the journal says about an airing, in Vietnamese, for the operator and the reviewer.
// Technical detail (FFmpeg's text, file names) never goes here: it is logged, and kept apart.

#include <chrono>
#include <string>

#include "audio/Failure.hpp"

namespace lp::journal::reasons {

// Why a cue did not air, e.g. "Không tìm thấy tệp âm thanh".
std::string failure(audio::FailureKind kind);
// A cue that failed after part of it aired: "Chỉ phát được 16,5 trên 20,0 giây: <failure>".
std::string partial(audio::FailureKind kind, std::chrono::microseconds played, std::chrono::milliseconds length);
// Planned cues that never started because the programme was stopped.
std::string stopped_before_start();
// Planned cues that never started because loaphuongd stopped (shutdown).
std::string daemon_stopped_before_start();
// A resumption after a restart, said on the rows it airs.
std::string resumed_after_restart(const std::string& restart_time_text);
// Cues left over by a crash and not aired again: the restart came too late.
std::string not_resumed_after_restart(std::chrono::seconds down, std::chrono::seconds grace);

}  // namespace lp::journal::reasons
