#include "domain/Time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

namespace lp::domain {

std::string to_utc_text(TimePoint t) { return date::format("%FT%TZ", std::chrono::floor<Millis>(t)); }

TimePoint from_utc_text(std::string_view text) {
    // Fixed width, as to_utc_text writes it; a hand parser because date::parse is slow and
    // trips GCC 12's -Wmaybe-uninitialized at -O2.
    int y = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    int used = 0;
    const std::string str(text);
    if (std::sscanf(str.c_str(), "%4d-%2u-%2uT%2u:%2u:%2u.%3uZ%n", &y, &mo, &d, &h, &mi, &s, &ms, &used) != 7 ||
        static_cast<std::size_t>(used) != str.size() || h > 23 || mi > 59 || s > 60)
        throw std::invalid_argument("not a UTC instant: \"" + str + "\"");
    const date::year_month_day ymd{date::year{y}, date::month{mo}, date::day{d}};
    if (!ymd.ok()) throw std::invalid_argument("not a UTC instant: \"" + str + "\"");
    return date::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s} +
           Millis{ms};
}

const date::time_zone* zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        throw std::invalid_argument("unknown time zone \"" + std::string(name) + "\"");
    }
}

std::optional<LocalDate> parse_date(std::string_view text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    const std::string s(text);
    if (std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 &&
        std::sscanf(s.c_str(), "%2u/%2u/%4d%c", &d, &m, &y, &tail) != 3)
        return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return LocalDate{y, m, d};
}

TimePoint start_of_day(const date::time_zone* tz, LocalDate day) {
    const date::local_days local{date::year{day.year} / date::month{day.month} / date::day{day.day}};
    // A zone whose midnight does not exist (a DST gap) starts the day at the gap's end.
    return tz->to_sys(local, date::choose::earliest);
}

LocalDate next_day(LocalDate day) {
    const date::year_month_day next{date::sys_days{date::year{day.year} / date::month{day.month} / date::day{day.day}} +
                                    date::days{1}};
    return {static_cast<int>(next.year()), static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day())};
}

std::string iso_date_text(LocalDate day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", day.year, day.month, day.day);
    return text;
}

std::string display_date_text(LocalDate day) {
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", day.day, day.month, day.year);
    return text;
}

LocalDate local_date(const date::time_zone* tz, TimePoint t) {
    const auto local = date::make_zoned(tz, std::chrono::floor<std::chrono::seconds>(t)).get_local_time();
    const date::year_month_day ymd{date::floor<date::days>(local)};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::string local_date_text(const date::time_zone* tz, TimePoint t) {
    return date::format("%d/%m/%Y", date::make_zoned(tz, std::chrono::floor<std::chrono::seconds>(t)));
}

std::string local_time_text(const date::time_zone* tz, TimePoint t) {
    return date::format("%H:%M:%S", date::make_zoned(tz, std::chrono::floor<std::chrono::seconds>(t)));
}

std::string duration_text(Millis d) {
    const auto total = std::chrono::round<std::chrono::seconds>(d).count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(total / 3600),
                  static_cast<long long>(total / 60 % 60), static_cast<long long>(total % 60));
    return buf;
}

}  // namespace lp::domain
