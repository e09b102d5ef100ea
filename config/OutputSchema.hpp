#pragma once
// The [[output]] tables. The common keys (name, kind, sample_rate, channels, and codec and
// bitrate for kinds with codecs) are read here; every other key belongs to a kind, which
// reads it itself (audio/output/Kind.hpp) through a view that names file, line and key in
// its errors. Private to config/.

#include <string_view>
#include <vector>

#include "config/Config.hpp"
#include "config/TableReader.hpp"

namespace lp::config::detail {

// Every key an [[output]] table may have: the common ones, then each registered kind's.
std::vector<std::string_view> output_keys();

// One [[output]] table (read with output_keys()).
OutputConfig read_output(const TableReader& r);

}  // namespace lp::config::detail
