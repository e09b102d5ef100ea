#pragma once
// The XLSX report's last sheet, "Quan tâm": the interest section (export/Interest.hpp) with a
// bar chart of listens again, QR scans and feedback per topic. Last, so the journal's sheets
// read back the same with or without it (evidence/InterestPart.hpp).

#include "export/Report.hpp"
#include "export/xlsx/Workbook.hpp"

namespace lp::exporting::xlsx {

inline constexpr const char* interest_sheet_name = "Quan tâm";

void interest_sheet(Workbook& wb, const Report& r, const Interest& in);

}  // namespace lp::exporting::xlsx
