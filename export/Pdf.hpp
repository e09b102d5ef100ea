#pragma once
// The PDF export (cairo + pango, Liberation Serif — metric-compatible with Times New Roman):
// A4 landscape, margins of Nghị định 30/2020, the same content as the XLSX, print-ready for
// signing and stamping. The chain marker is also in the document's keywords.

#include <filesystem>

#include "export/Report.hpp"

namespace lp::exporting {

// Throws std::runtime_error naming the file and cairo's reason.
void write_pdf(const Report& r, const date::time_zone* tz, const std::filesystem::path& file);

}  // namespace lp::exporting
