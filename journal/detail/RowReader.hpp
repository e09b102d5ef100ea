#pragma once
#include "db/sqlite/Statement.hpp"
#include "journal/Airing.hpp"

namespace lp::journal::detail {

// "SELECT <every journal column> FROM journal " — append WHERE / ORDER BY.
extern const char* const select_columns;

// Reads a row selected with select_columns. Throws std::runtime_error for an unknown status.
JournalRow read_row(const sqlite::Statement& st);

}  // namespace lp::journal::detail
