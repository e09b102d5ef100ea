#pragma once
#include <memory>
#include <string_view>

#include <spdlog/spdlog.h>

namespace lp::daemon {

// Sets up stderr logging (journald takes stderr under systemd, and adds its own timestamps,
// so the pattern drops ours there). Throws std::invalid_argument for an unknown level.
void setup_logging(std::string_view level);

// One named logger per component ("scheduler", "player", "journal", "ffmpeg", ...).
std::shared_ptr<spdlog::logger> logger(const std::string& component);

}  // namespace lp::daemon
