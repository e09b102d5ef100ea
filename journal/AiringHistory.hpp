#pragma once
// The journal's answer to "when did each library item air?", as plain data: the scheduler
// builds its rotation history from it without reading the journal table itself.

#include <cstdint>
#include <map>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace lp::journal {

// Start instants by library item id, each list in ascending order.
using AiringTimes = std::map<std::int64_t, std::vector<TimePoint>>;

// Airings of library items that reached listeners and started at or after `since`. Original
// rows only: a correction re-describes an airing, it is not another one. Read only.
AiringTimes airing_times_since(sqlite::Database& db, TimePoint since);

}  // namespace lp::journal
