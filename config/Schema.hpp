#pragma once
// Maps a parsed TOML document onto Config, validating every table and value.
// Private to config/: the public API is Load.hpp.

#include <toml++/toml.h>

#include "config/Config.hpp"
#include "config/TableReader.hpp"

namespace lp::config::detail {

// Throws ConfigError on the first problem. Relative paths resolve against source.base_dir.
Config read_config(const toml::table& root, const Source& source);

}  // namespace lp::config::detail
