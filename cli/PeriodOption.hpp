#pragma once
#include <string>

#include "domain/Time.hpp"
#include "export/Period.hpp"

namespace lp::cli {

// The period an operator asked for: --period TEXT, or --from/--to (both), or none of them for
// `today` (the local date in the configured zone, not the machine's). Throws OperatorError in
// Vietnamese naming the bad value.
exporting::Period period_option(const std::string& period, const std::string& from, const std::string& to,
                                domain::LocalDate today);

// Today's local date in the zone.
domain::LocalDate today(const date::time_zone* tz);

}  // namespace lp::cli
