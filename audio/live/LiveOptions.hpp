#pragma once
#include <chrono>

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
};

}  // namespace lp::audio
