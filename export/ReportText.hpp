#pragma once
// Text exports of a Report: CSV (UTF-8 with BOM, for Excel) and JSON (for other tools).

#include <string>

#include "export/Report.hpp"

namespace lp::exporting {

// The journal lines (JournalTable's columns, corrections noted), then an empty line and the
// footer (row count, chain seal, check marker) one per line.
std::string report_csv(const Report& r, const date::time_zone* tz);

// {"title", "organisation", "period": {code, words, first, last}, "made_on", "rows": [...],
//  "items": [...], "by_topic": [...], "by_form": [...], "totals", "chain": {rows, head_seq,
//  head_seal, digest, marker}}. Dates ISO (local), instants UTC, durations in seconds.
std::string report_json(const Report& r, const date::time_zone* tz);

}  // namespace lp::exporting
