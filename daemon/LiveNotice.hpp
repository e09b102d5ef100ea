#pragma once
#include <filesystem>

namespace lp::daemon {

// Speaks the live sources' dropout notice (domain::texts::notice_words) with espeak-ng into a
// private folder under `media_dir`, once at start. Returns its path, or empty when it could
// not be made (logged once as a warning): the player then keeps silence, the sound goes on.
std::filesystem::path make_live_notice(const std::filesystem::path& media_dir);

}  // namespace lp::daemon
