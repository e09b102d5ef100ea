#pragma once
// Instants are stored in UTC and shown in the ward's zone (Asia/Ho_Chi_Minh by default).
// The zone comes from the system tz database; no fixed offset is assumed anywhere.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace lp::domain {

using TimePoint = std::chrono::system_clock::time_point;
using Millis = std::chrono::milliseconds;

// "2026-11-29T04:30:00.000Z" — the database's text form (fixed width, sorts correctly).
std::string to_utc_text(TimePoint t);
// Parses to_utc_text's form; throws std::invalid_argument naming the text.
TimePoint from_utc_text(std::string_view text);

// A named zone from the system database; throws std::invalid_argument naming it.
const date::time_zone* zone(std::string_view name);

// Local calendar day, e.g. parsed from "2026-03-31" or "31/03/2026".
struct LocalDate {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    auto operator<=>(const LocalDate&) const = default;
};
// Accepts yyyy-mm-dd and dd/mm/yyyy; nullopt when it is neither or not a real day.
std::optional<LocalDate> parse_date(std::string_view text);

// "2026-03-31" (the database's form) and "31/03/2026" (the operator's).
std::string iso_date_text(LocalDate day);
std::string display_date_text(LocalDate day);
// The local calendar day of an instant in the zone.
LocalDate local_date(const date::time_zone* tz, TimePoint t);

// First instant of the local day in the zone.
TimePoint start_of_day(const date::time_zone* tz, LocalDate day);
// The local day after `day`.
LocalDate next_day(LocalDate day);

std::string local_date_text(const date::time_zone* tz, TimePoint t);  // "29/11/2026"
std::string local_time_text(const date::time_zone* tz, TimePoint t);  // "11:02:56"
std::string duration_text(Millis d);                                  // "00:03:25"

}  // namespace lp::domain
