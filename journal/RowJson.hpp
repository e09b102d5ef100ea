#pragma once
// A journal row as JSON (the CLI's `journal list --json` and the API's /api/journal), with
// its id, local date and time, and who entered it.

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "journal/JournalStore.hpp"
#include "journal/ListenerRecord.hpp"
#include "journal/LiveRecord.hpp"

namespace lp::journal {

// The instant shown for a row: when it started, else when it was scheduled.
TimePoint shown_time(const JournalRow& row);
nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz);
// How a live airing went, for its row's "live" field: kind and its label, the source, seconds
// planned and relayed, the fallback (null: silence), each dropout with its local date, time
// and UTC instant and its length.
nlohmann::json live_json(const LiveRecord& live, const date::time_zone* tz);
// row_json with what the database keeps beside the row: "live", live_json of its record (null
// for a row that aired no live source), and "listeners": [{output, peak, mean, samples}] of its
// stream outputs (empty when none was sampled). Throws sqlite::Error.
nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz, sqlite::Database& db);

}  // namespace lp::journal
