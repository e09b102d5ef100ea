#pragma once
// The XLSX export (libxlsxwriter) in the official layout of Nghị định 30/2020/NĐ-CP:
// sheet 1 the detailed journal, sheet 2 totals per item, sheet 3 totals by topic and form
// with charts; header block, signature block and the chain footer on sheet 1.

#include <filesystem>

#include "export/Report.hpp"

namespace lp::exporting {

// Writes `file`. Throws std::runtime_error with libxlsxwriter's message naming the file.
void write_xlsx(const Report& r, const date::time_zone* tz, const std::filesystem::path& file);

}  // namespace lp::exporting
