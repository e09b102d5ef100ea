#pragma once
// Operator input for the schedule commands, parsed with messages in Vietnamese that name the
// option and the value. Each throws OperatorError.

#include <string>
#include <vector>

#include "scheduler/Model.hpp"

namespace date {
class time_zone;
}

namespace lp::cli {

std::vector<unsigned> parse_days(const std::string& option, const std::string& text);
std::chrono::seconds parse_time_option(const std::string& option, const std::string& text);
std::chrono::seconds parse_duration_option(const std::string& option, const std::string& text);
domain::LocalDate parse_date_option(const std::string& option, const std::string& text);
// "now" / "bây giờ", "dd/mm/yyyy HH:MM[:SS]" or "yyyy-mm-dd HH:MM[:SS]", local time.
scheduler::TimePoint parse_instant_option(const std::string& option, const std::string& text,
                                          const date::time_zone* tz);
scheduler::Priority parse_priority(const std::string& text);
// "N", "N:a,b", "N:a,b:tin,bai" or "N:a,b:tin,bai:tet" (count, topics, forms, tags); an
// empty part matches everything, e.g. "2:::tet".
scheduler::Entry parse_pool(const std::string& text);
std::vector<std::string> split_list(const std::string& text);

}  // namespace lp::cli
