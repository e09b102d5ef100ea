#pragma once
// A plain titled table as XLSX (A4 landscape, Times New Roman, the issuing body above the
// title): the published broadcast schedule and other lists the operator hands out.

#include <filesystem>
#include <string>

#include "config/Config.hpp"
#include "export/JournalTable.hpp"

namespace lp::exporting {

// Writes `file`. Throws std::runtime_error with libxlsxwriter's message naming the file.
void write_table_xlsx(const Table& table, const config::Organisation& organisation, const std::string& title,
                      const std::string& subtitle, const std::filesystem::path& file);

}  // namespace lp::exporting
