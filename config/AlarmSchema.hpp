#pragma once
// [alarm]: when the dead-air alarm raises. Private to config/.

#include "config/Config.hpp"
#include "config/TableReader.hpp"

namespace lp::config::detail {

// dead_air = "30s" (1 s .. 24 h): how long an output that should be playing may be silent or
// failing before the alarm; silence_dbfs = -60 (-120 .. -20): below this peak is silence.
void read_alarm(const TableReader& r, AlarmConfig& alarm);

}  // namespace lp::config::detail
