#pragma once
// Reads what the interest section needs for a period (export/Interest.hpp) from the database:
// stream listeners per airing (airing_listeners, summed over outputs), listens again, feed
// fetches and QR scans (reach_count, the period's days), approved feedback given within the
// period (feedback), and the names of the items they concern (media_item). Throws sqlite::Error.

#include "db/sqlite/Database.hpp"
#include "export/Interest.hpp"

namespace lp::exporting {

InterestFacts read_interest_facts(sqlite::Database& db, const Period& period, const std::vector<ReportLine>& lines);

// The section of a report read from `db`: the facts joined with the report's lines.
Interest load_interest(sqlite::Database& db, const Period& period, const std::vector<ReportLine>& lines);

}  // namespace lp::exporting
