#pragma once
#include <string>

namespace lp::audio::ffmpeg {

// Routes av_log into the spdlog logger "ffmpeg": FFmpeg errors at error, warnings at warn,
// its info chatter at debug, verbose/debug at trace. Idempotent and thread-safe; every
// wrapper that calls into FFmpeg installs it first.
void install_log_callback();

// The last message FFmpeg logged at error level (or worse) on the calling thread, cleared
// by the call. Error uses it to carry FFmpeg's detailed reason (e.g. ALSA's "cannot open
// audio device ...") along with the terse AVERROR text.
std::string take_last_logged_error();

}  // namespace lp::audio::ffmpeg
