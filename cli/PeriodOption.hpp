#pragma once
#include <string>

#include "domain/Time.hpp"
#include "export/Period.hpp"

namespace lp::cli {

// The period an operator asked for: --period TEXT, or --from/--to (both). Throws OperatorError
// in Vietnamese naming the bad value.
exporting::Period period_option(const std::string& period, const std::string& from, const std::string& to);

// Today's local date in the zone.
domain::LocalDate today(const date::time_zone* tz);

}  // namespace lp::cli
