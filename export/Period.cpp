#include "export/Period.hpp"

#include <date/date.h>

#include <cstdio>
#include <regex>
#include <stdexcept>

namespace lp::exporting {
namespace {

using domain::display_date_text;
using domain::LocalDate;

unsigned last_day_of(int year, unsigned month) {
    const date::year_month_day_last ymdl{date::year{year} / date::month{month} / date::last};
    return static_cast<unsigned>(ymdl.day());
}

Period months(Period::Kind kind, int year, unsigned first_month, unsigned last_month) {
    return {kind, {year, first_month, 1}, {year, last_month, last_day_of(year, last_month)}};
}

bool plausible_year(int y) { return y >= 2000 && y <= 2200; }

}  // namespace

std::string roman(unsigned n) {
    static const char* const r[] = {"", "I", "II", "III", "IV"};
    return n <= 4 ? r[n] : std::to_string(n);
}

Period month_period(int year, unsigned month) {
    if (month < 1 || month > 12) throw std::invalid_argument("month " + std::to_string(month));
    return months(Period::Kind::month, year, month, month);
}
Period quarter_period(int year, unsigned quarter) {
    if (quarter < 1 || quarter > 4) throw std::invalid_argument("quarter " + std::to_string(quarter));
    return months(Period::Kind::quarter, year, 3 * quarter - 2, 3 * quarter);
}
Period half_period(int year, unsigned half) {
    if (half < 1 || half > 2) throw std::invalid_argument("half " + std::to_string(half));
    return months(Period::Kind::half, year, 6 * half - 5, 6 * half);
}
Period year_period(int year) { return months(Period::Kind::year, year, 1, 12); }
Period custom_period(LocalDate first, LocalDate last) {
    if (last < first) throw std::invalid_argument(display_date_text(last) + " is before " + display_date_text(first));
    return {Period::Kind::custom, first, last};
}

std::string Period::code() const {
    const int y = first.year;
    switch (kind) {
        case Kind::month: {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d-%02u", y, first.month);
            return buf;
        }
        case Kind::quarter: return std::to_string(y) + "Q" + std::to_string((first.month + 2) / 3);
        case Kind::half: return std::to_string(y) + "H" + std::to_string(first.month == 1 ? 1 : 2);
        case Kind::year: return std::to_string(y);
        case Kind::custom: break;
    }
    return domain::iso_date_text(first) + ".." + domain::iso_date_text(last);
}

std::string Period::words() const {
    const std::string y = std::to_string(first.year);
    switch (kind) {
        case Kind::month: return "Tháng " + std::to_string(first.month) + " năm " + y;
        case Kind::quarter: return "Quý " + roman((first.month + 2) / 3) + " năm " + y;
        case Kind::half: return std::string(first.month == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
        case Kind::year: return "Năm " + y;
        case Kind::custom: break;
    }
    return "Từ ngày " + display_date_text(first) + " đến ngày " + display_date_text(last);
}

std::string Period::words_with_dates() const {
    if (kind == Kind::custom) return words();
    return words() + " (từ ngày " + display_date_text(first) + " đến ngày " + display_date_text(last) + ")";
}

LocalDate Period::last_month_first_day() const { return {last.year, last.month, 1}; }

std::optional<Period> parse_period(std::string_view text) {
    const std::string s(text);
    std::smatch m;
    const auto num = [&](int i) { return std::stoi(m[i].str()); };
    const auto u = [&](int i) { return static_cast<unsigned>(std::stoul(m[i].str())); };
    try {
        if (std::regex_match(s, m, std::regex(R"((\d{4})-?[Qq]([1-4]))")) && plausible_year(num(1)))
            return quarter_period(num(1), u(2));
        if (std::regex_match(s, m, std::regex(R"([Qq]([1-4])[/-](\d{4}))")) && plausible_year(num(2)))
            return quarter_period(num(2), u(1));
        if (std::regex_match(s, m, std::regex(R"((\d{4})-?[Hh]([12]))")) && plausible_year(num(1)))
            return half_period(num(1), u(2));
        if (std::regex_match(s, m, std::regex(R"([Hh]([12])[/-](\d{4}))")) && plausible_year(num(2)))
            return half_period(num(2), u(1));
        if (std::regex_match(s, m, std::regex(R"((\d{4})-(\d{1,2}))")) && plausible_year(num(1)) && u(2) >= 1 &&
            u(2) <= 12)
            return month_period(num(1), u(2));
        if (std::regex_match(s, m, std::regex(R"([Tt]?(\d{1,2})/(\d{4}))")) && plausible_year(num(2)) && u(1) >= 1 &&
            u(1) <= 12)
            return month_period(num(2), u(1));
        if (std::regex_match(s, m, std::regex(R"(\d{4})")) && plausible_year(std::stoi(s)))
            return year_period(std::stoi(s));
        if (std::regex_match(s, m, std::regex(R"((\S+)\.\.(\S+))")) ||
            std::regex_match(s, m, std::regex(R"((\d{1,2}/\d{1,2}/\d{4})\s*(?:-|–)\s*(\d{1,2}/\d{1,2}/\d{4}))"))) {
            const auto a = domain::parse_date(m[1].str());
            const auto b = domain::parse_date(m[2].str());
            if (a && b && !(*b < *a)) return custom_period(*a, *b);
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::vector<Period> reports_due_on(LocalDate today, unsigned day) {
    std::vector<Period> due;
    if (today.day != day || today.month % 3 != 0) return due;
    due.push_back(quarter_period(today.year, today.month / 3));
    if (today.month % 6 == 0) due.push_back(half_period(today.year, today.month / 6));
    if (today.month == 12) due.push_back(year_period(today.year));
    return due;
}

std::optional<ReportsDue> next_reports_due(LocalDate today, unsigned day) {
    auto d = today;
    for (int i = 0; i < 400; ++i, d = domain::next_day(d))
        if (auto due = reports_due_on(d, day); !due.empty()) return ReportsDue{d, std::move(due)};
    return std::nullopt;
}

}  // namespace lp::exporting
