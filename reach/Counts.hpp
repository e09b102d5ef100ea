#pragma once
// The public side's figures in the database (table reach_count, db/Migrations.cpp): per local
// day, item and kind, how many clients counted. Nothing that identifies a client is stored.

#include <cstdint>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "reach/Tally.hpp"

namespace lp::reach {

// Adds one to the day's count. `item` 0 is the page or feed as a whole. Throws sqlite::Error.
void add_count(sqlite::Database& db, domain::LocalDate day, std::int64_t item, Kind kind);
// The day's count (0 when none).
std::int64_t count_of(sqlite::Database& db, domain::LocalDate day, std::int64_t item, Kind kind);

}  // namespace lp::reach
