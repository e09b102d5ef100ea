#pragma once
// The journal as the reviewer reads it: one line per airing with Vietnamese headers and
// labels, local dates and times. Pure: rows in, table out; every export format renders it.

#include <string>
#include <vector>

#include "journal/Airing.hpp"

namespace date {
class time_zone;
}

namespace lp::exporting {

struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// The last two columns are the reason ("Ghi chú", column journal_note_column) and the
// technical detail ("Chi tiết kỹ thuật"), which only the CSV and JSON files carry.
Table journal_table(const std::vector<journal::JournalRow>& rows, const date::time_zone* tz);
// The same, a line at a time (for writers that stream): the headers, and one airing's cells
// with its number `n` ("STT").
std::vector<std::string> journal_headers();
std::vector<std::string> journal_cells(const journal::JournalRow& r, int n, const date::time_zone* tz);
inline constexpr std::size_t journal_note_column = 13;

// The CSV export: UTF-8 with BOM.
std::string journal_csv(const std::vector<journal::JournalRow>& rows, const date::time_zone* tz);

}  // namespace lp::exporting
