#include "export/Filing.hpp"

#include "db/sqlite/Statement.hpp"

namespace lp::exporting {

Filing load_filing(sqlite::Database& db, const std::string& period_code) {
    auto st = db.prepare("SELECT number, achieved, shortcomings, proposals FROM report_filing WHERE period = ?");
    st.bind(1, period_code);
    if (!st.step()) return {};
    return {st.text(0), st.text(1), st.text(2), st.text(3)};
}

void save_filing(sqlite::Database& db, const std::string& period_code, const FilingChange& change,
                 const std::string& changed_by) {
    if (change.empty()) return;
    Filing f = load_filing(db, period_code);
    if (change.number) f.number = *change.number;
    if (change.achieved) f.achieved = *change.achieved;
    if (change.shortcomings) f.shortcomings = *change.shortcomings;
    if (change.proposals) f.proposals = *change.proposals;
    db.prepare(
          "INSERT INTO report_filing (period, number, achieved, shortcomings, proposals, changed_by) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(period) DO UPDATE SET number = ?2, achieved = ?3, "
          "shortcomings = ?4, proposals = ?5, changed_by = ?6, "
          "changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
        .bind(1, period_code)
        .bind(2, f.number)
        .bind(3, f.achieved)
        .bind(4, f.shortcomings)
        .bind(5, f.proposals)
        .bind(6, changed_by)
        .run();
}

}  // namespace lp::exporting
