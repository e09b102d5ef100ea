#pragma once
// [live]: live sources and `loaphuong live start`. Private to config/.

#include "config/Config.hpp"
#include "config/TableReader.hpp"

namespace lp::config::detail {

// capture_device = "default" (an ALSA PCM name, not empty); max_length = "1h" (1m .. 12h);
// open_timeout = "5s" (1s .. 2m); stall_timeout = "3s" (1s .. 1m); retry_interval = "2s"
// (1s .. 1m).
void read_live(const TableReader& r, LiveConfig& live);

}  // namespace lp::config::detail
