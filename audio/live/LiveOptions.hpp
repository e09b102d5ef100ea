#pragma once
#include <chrono>
#include <filesystem>

namespace lp::audio {

// How the player treats live sources; the defaults suit a station relayed over the Internet.
struct LiveOptions {
    // To connect and probe the stream; a source that takes longer is down and retried.
    std::chrono::milliseconds open_timeout{5000};
    // No data for this long while connected: the source is down (reconnect).
    std::chrono::milliseconds stall_timeout{3000};
    // Between the end of one attempt and the next (the longest a restored source waits).
    std::chrono::milliseconds retry_interval{2000};
    // Audio received before it (re)joins the air, against network jitter; the newest 4x this
    // is kept, older audio dropped so that the relay stays near live.
    std::chrono::milliseconds buffer{500};
    // A short spoken notice (the daemon makes it with espeak-ng) that fills the dropouts of a
    // source with no fallback file: once a dropout has lasted notice_after (so that the wait
    // for a source to join at the start, or a short glitch, stays silent), then again every
    // notice_every while it lasts, silence in between. Empty or unreadable: silence alone.
    std::filesystem::path notice{};
    // The same for a capture device (alsa:…, a reading into the microphone): its own words.
    std::filesystem::path capture_notice{};
    std::chrono::milliseconds notice_after{2000};
    std::chrono::milliseconds notice_every{20000};
};

}  // namespace lp::audio
