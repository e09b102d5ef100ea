#pragma once
#include <filesystem>

namespace lp::daemon {

// The spoken notices that fill the dropouts of live sources without a fallback file; each
// empty when it could not be made (the player then keeps silence, the sound goes on).
struct LiveNotices {
    std::filesystem::path relay;    // a stream relayed (tiếp sóng): domain::texts::notice_words
    std::filesystem::path capture;  // a capture device read live: domain::texts::capture_notice_words
};

// Speaks the notices with espeak-ng into a private folder under `media_dir`, once at start; one
// that cannot be made is logged once as a warning.
LiveNotices make_live_notices(const std::filesystem::path& media_dir);

}  // namespace lp::daemon
