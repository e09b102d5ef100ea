#pragma once
// Which sentence of the catalogue (domain/Texts.hpp) says why a cue did not air in full. The
// technical detail (FFmpeg's text, file names) never goes here: it is kept apart.

#include <chrono>
#include <string>

#include "audio/Failure.hpp"
#include "audio/Player.hpp"

namespace lp::journal::reasons {

// Why a cue did not air, e.g. "Không tìm thấy tệp âm thanh".
std::string failure(audio::FailureKind kind);
// A cue that failed after part of it aired: "Chỉ phát được 16,5 trên 20,0 giây: <failure>".
std::string partial(audio::FailureKind kind, std::chrono::microseconds played, std::chrono::milliseconds length);

// What filled a live cue's dropouts, as its row names it: the fallback file's name, the
// spoken notice ("thông báo mất tín hiệu") or empty (silence).
std::string fallback_name(const audio::LiveReport& live);

// How a live cue's source dropped out: "mất tín hiệu 2 lần, tổng 12,5 giây; phát thay bằng …".
std::string dropouts(const audio::LiveReport& live);

}  // namespace lp::journal::reasons
