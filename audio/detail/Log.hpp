#pragma once
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace lp::audio::detail {

// The named spdlog logger (e.g. "audio", "ffmpeg"). If the application registered one by
// that name it is used; otherwise one is created on the default logger's sinks and level.
std::shared_ptr<spdlog::logger> logger(const std::string& name);

}  // namespace lp::audio::detail
