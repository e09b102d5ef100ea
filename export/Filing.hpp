#pragma once
// What the operator writes into a period's report as the ward files it (Nghị định 30/2020): the
// document number ("Số: 12/BC-…") and the narrative: kết quả đạt được, tồn tại và hạn chế, đề
// xuất. Kept in the database per period (report_filing), so a report made again, and the check
// of a file against the database, show the same words.

#include <optional>
#include <string>

#include "db/sqlite/Database.hpp"

namespace lp::exporting {

struct Filing {
    std::string number;        // "12"; empty: left blank to be written by hand
    std::string achieved;      // Kết quả đạt được
    std::string shortcomings;  // Tồn tại và hạn chế
    std::string proposals;     // Đề xuất
    bool operator==(const Filing&) const = default;
};

// The fields given replace the saved ones; an empty text clears one.
struct FilingChange {
    std::optional<std::string> number;
    std::optional<std::string> achieved;
    std::optional<std::string> shortcomings;
    std::optional<std::string> proposals;
    bool empty() const { return !number && !achieved && !shortcomings && !proposals; }
};

// The period's saved filing (all empty when none).
Filing load_filing(sqlite::Database& db, const std::string& period_code);
void save_filing(sqlite::Database& db, const std::string& period_code, const FilingChange& change,
                 const std::string& changed_by);

}  // namespace lp::exporting
