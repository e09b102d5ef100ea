#pragma once
// Reporting periods, pure: month, quarter, half year, year or a custom range of local days.
// "2026Q1" → Quý I năm 2026, 01/01/2026 – 31/03/2026.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Time.hpp"

namespace lp::exporting {

struct Period {
    enum class Kind { month, quarter, half, year, custom };
    Kind kind = Kind::custom;
    domain::LocalDate first;  // first local day
    domain::LocalDate last;   // last local day, inclusive

    // Machine form, parsed back by parse_period: "2026-03", "2026Q1", "2026H1", "2026",
    // "2026-01-05..2026-02-10".
    std::string code() const;
    // "Tháng 3 năm 2026", "Quý I năm 2026", "6 tháng đầu năm 2026", "Năm 2026",
    // "Từ ngày 05/01/2026 đến ngày 10/02/2026".
    std::string words() const;
    // words() followed by the dates: "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)".
    std::string words_with_dates() const;
    // The first day of the period's last month (reports are due before its 8th).
    domain::LocalDate last_month_first_day() const;

    bool operator==(const Period&) const = default;
};

Period month_period(int year, unsigned month);
Period quarter_period(int year, unsigned quarter);  // 1..4
Period half_period(int year, unsigned half);        // 1..2
Period year_period(int year);
// Throws std::invalid_argument when last < first.
Period custom_period(domain::LocalDate first, domain::LocalDate last);

// Accepts code() forms and the operator's: "Q1/2026", "2026-Q1", "03/2026", "T3/2026",
// "H2/2026", "2026-H2", "01/01/2026-31/03/2026". nullopt when it is none of them.
std::optional<Period> parse_period(std::string_view text);

// The periods whose report falls due on `today` when reports are written on day `day` of each
// period's last month: quarters (Mar, Jun, Sep, Dec), halves (Jun, Dec) and the year (Dec).
std::vector<Period> reports_due_on(domain::LocalDate today, unsigned day);

// The first day from `today` on (today included) on which reports fall due on day `day` of a
// period's last month, with the periods due then; none within a year (a `day` no month has).
struct ReportsDue {
    domain::LocalDate day;
    std::vector<Period> periods;
};
std::optional<ReportsDue> next_reports_due(domain::LocalDate today, unsigned day);

std::string roman(unsigned n);  // 1..4 → "I".."IV"

}  // namespace lp::exporting
