#pragma once
// Parsers for the small text forms used in the configuration: durations ("90s", "15m",
// "1h30m"), local times of day ("05:30", "05:30:15") and day names ("mon", "t2", "cn").
// They return std::nullopt on bad input; the caller words the error and knows the line.

#include <chrono>
#include <optional>
#include <string_view>

namespace lp::config {

// "<n>h<n>m<n>s" with each part optional but at least one present, in that order, each
// at most once: "90s", "15m", "1h", "1h30m", "2h0m15s". Zero ("0s") parses; callers
// decide whether zero is allowed. Values above 100000 h are rejected.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// "HH:MM" or "HH:MM:SS" (H may be one digit), 00:00:00 to 23:59:59; seconds since midnight.
std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text);

// English "mon".."sun" or Vietnamese "t2".."t7", "cn" (ASCII case-insensitive); returns the
// day as std::chrono::weekday::c_encoding() (0 = Sunday ... 6 = Saturday).
std::optional<unsigned> parse_weekday(std::string_view text);

}  // namespace lp::config
