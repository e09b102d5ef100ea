#pragma once
#include "db/sqlite/Statement.hpp"
#include "journal/Airing.hpp"

namespace lp::journal::detail {

// "SELECT <every journal column> FROM journal " — append WHERE / ORDER BY.
extern const char* const select_columns;

// The `topic` column of journal and pending_airing: every topic, comma-separated in order;
// an empty list is stored as "other". topics_from_column reverses it.
std::string topics_column(const std::vector<std::string>& topics);
std::vector<std::string> topics_from_column(std::string_view text);

// Reads a row selected with select_columns. Throws std::runtime_error for an unknown status.
JournalRow read_row(const sqlite::Statement& st);

}  // namespace lp::journal::detail
