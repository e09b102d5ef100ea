#pragma once
// Which sentence of the catalogue (domain/Texts.hpp) says why a cue did not air in full. The
// technical detail (FFmpeg's text, file names) never goes here: it is kept apart.

#include <chrono>
#include <string>

#include "audio/Failure.hpp"

namespace lp::journal::reasons {

// Why a cue did not air, e.g. "Không tìm thấy tệp âm thanh".
std::string failure(audio::FailureKind kind);
// A cue that failed after part of it aired: "Chỉ phát được 16,5 trên 20,0 giây: <failure>".
std::string partial(audio::FailureKind kind, std::chrono::microseconds played, std::chrono::milliseconds length);

}  // namespace lp::journal::reasons
