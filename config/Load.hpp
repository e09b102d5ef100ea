#pragma once
#include <filesystem>
#include <string_view>

#include "config/Config.hpp"

namespace lp::config {

// Reads and validates a TOML file. Relative paths in it resolve against the file's folder.
// Throws ConfigError ("FILE:LINE: KEY: message") on syntax errors, unknown keys, wrong types
// and bad values. Touches nothing but the file.
Config load_file(const std::filesystem::path& file);

// Parses TOML text; `source` names it in messages, relative paths resolve against `base_dir`.
Config parse(std::string_view text, const std::filesystem::path& source, const std::filesystem::path& base_dir);

// The built-in demo configuration: SQLite under ./var, a demo slot 60 s after start airing
// var/media/demo.wav to the ALSA "null" device and to var/air/demo.wav. Works with no sound card.
Config embedded_default();

}  // namespace lp::config
