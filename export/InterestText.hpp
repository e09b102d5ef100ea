#pragma once
// The interest section as text: the JSON report's "interest" member, and the CSV file written
// next to the journal CSV ("<stem>-quan-tam.csv").

#include <nlohmann/json.hpp>

#include <string>

#include "export/Interest.hpp"

namespace lp::exporting {

struct Report;

// {"score_note", "by_topic": [...], "items": [...] (ranked), "total", "most": [ids], "least": [ids],
//  "comments": [...], "feed_fetches", "page_qr"}; durations in seconds, days ISO (local).
nlohmann::json interest_json(const Interest& in);

// The heading and period, the topic table, the item table, the ranking, the comments and the
// report's chain marker (the file belongs to that report), as UTF-8 CSV with BOM.
std::string interest_csv(const Report& r, const Interest& in);
// "nhat-ky-2026Q1-quan-tam.csv" beside "nhat-ky-2026Q1.csv".
std::string interest_csv_name(const Report& r);

}  // namespace lp::exporting
