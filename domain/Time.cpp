#include "domain/Time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>
#include <stdexcept>

namespace lp::domain {
namespace {

// Reports and the chain check format and parse three instants per journal row; date::format
// (an ostringstream each) and sscanf were most of their time. These write the same text.
void digits(char* at, unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = static_cast<char>('0' + value % 10);
}

bool read_digits(std::string_view text, std::size_t at, int width, unsigned& out) {
    out = 0;
    for (int i = 0; i < width; ++i) {
        const char c = text[at + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<unsigned>(c - '0');
    }
    return true;
}

// The zone's offset at `t`, from the period of the zone looked up last on this thread: a
// report shows thousands of instants of the same period (for Vietnam, every one since 1975).
std::chrono::seconds offset_at(const date::time_zone* tz, date::sys_seconds t) {
    struct Period {
        const date::time_zone* tz = nullptr;
        date::sys_seconds begin, end;
        std::chrono::seconds offset{0};
    };
    thread_local Period last;
    if (last.tz != tz || t < last.begin || t >= last.end) {
        const auto info = tz->get_info(t);
        last = {tz, info.begin, info.end, info.offset};
    }
    return last.offset;
}

date::local_seconds local_seconds(const date::time_zone* tz, TimePoint t) {
    const auto s = std::chrono::floor<std::chrono::seconds>(t);
    return date::local_seconds{s.time_since_epoch() + offset_at(tz, s)};
}

}  // namespace

std::string to_utc_text(TimePoint t) {
    const auto ms = std::chrono::floor<Millis>(t);
    const auto day = std::chrono::floor<date::days>(ms);
    const date::year_month_day ymd{day};
    const int y = static_cast<int>(ymd.year());
    if (y < 0 || y > 9999) return date::format("%FT%TZ", ms);
    const auto in_day = static_cast<unsigned>((ms - day).count());
    std::string out = "0000-00-00T00:00:00.000Z";
    digits(out.data(), static_cast<unsigned>(y), 4);
    digits(out.data() + 5, static_cast<unsigned>(ymd.month()), 2);
    digits(out.data() + 8, static_cast<unsigned>(ymd.day()), 2);
    digits(out.data() + 11, in_day / 3'600'000, 2);
    digits(out.data() + 14, in_day / 60'000 % 60, 2);
    digits(out.data() + 17, in_day / 1000 % 60, 2);
    digits(out.data() + 20, in_day % 1000, 3);
    return out;
}

TimePoint from_utc_text(std::string_view text) {
    // The fixed width to_utc_text writes, read without sscanf; anything else takes the
    // lenient path below, so what was accepted before still is.
    unsigned fy = 0, fmo = 0, fd = 0, fh = 0, fmi = 0, fs = 0, fms = 0;
    if (text.size() == 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' &&
        text[16] == ':' && text[19] == '.' && text[23] == 'Z' && read_digits(text, 0, 4, fy) &&
        read_digits(text, 5, 2, fmo) && read_digits(text, 8, 2, fd) && read_digits(text, 11, 2, fh) &&
        read_digits(text, 14, 2, fmi) && read_digits(text, 17, 2, fs) && read_digits(text, 20, 3, fms) && fh <= 23 &&
        fmi <= 59 && fs <= 60) {
        const date::year_month_day ymd{date::year{static_cast<int>(fy)}, date::month{fmo}, date::day{fd}};
        if (ymd.ok())
            return date::sys_days{ymd} + std::chrono::hours{fh} + std::chrono::minutes{fmi} + std::chrono::seconds{fs} +
                   Millis{fms};
    }
    // A hand parser because date::parse is slow and trips GCC 12's -Wmaybe-uninitialized at -O2.
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
    const date::year_month_day ymd{date::floor<date::days>(local_seconds(tz, t))};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::string local_date_text(const date::time_zone* tz, TimePoint t) {
    const auto day = local_date(tz, t);
    if (day.year < 0 || day.year > 9999)
        return date::format("%d/%m/%Y", date::make_zoned(tz, std::chrono::floor<std::chrono::seconds>(t)));
    std::string out = "00/00/0000";
    digits(out.data(), day.day, 2);
    digits(out.data() + 3, day.month, 2);
    digits(out.data() + 6, static_cast<unsigned>(day.year), 4);
    return out;
}

std::string local_time_text(const date::time_zone* tz, TimePoint t) {
    const auto local = local_seconds(tz, t);
    const auto s = static_cast<unsigned>((local - date::floor<date::days>(local)).count());
    std::string out = "00:00:00";
    digits(out.data(), s / 3600, 2);
    digits(out.data() + 3, s / 60 % 60, 2);
    digits(out.data() + 6, s % 60, 2);
    return out;
}

std::string duration_text(Millis d) {
    const auto total = std::chrono::round<std::chrono::seconds>(d).count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(total / 3600),
                  static_cast<long long>(total / 60 % 60), static_cast<long long>(total % 60));
    return buf;
}

}  // namespace lp::domain
