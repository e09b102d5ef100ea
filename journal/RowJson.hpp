#pragma once
// A journal row as JSON (the CLI's `journal list --json` and the API's /api/journal), with
// its id, local date and time, and who entered it.

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "journal/JournalStore.hpp"
#include "journal/ListenerRecord.hpp"

namespace lp::journal {

// The instant shown for a row: when it started, else when it was scheduled.
TimePoint shown_time(const JournalRow& row);
nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz);
// The same with "listeners": [{output, peak, mean}] of its stream outputs (empty when none was
// sampled). Throws sqlite::Error.
nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz, sqlite::Database& db);

}  // namespace lp::journal
