#pragma once
// The PDF export (cairo + pango, Liberation Serif — metric-compatible with Times New Roman):
// A4 landscape, margins of Nghị định 30/2020, the same content as the XLSX, print-ready for
// signing and stamping. The chain marker is also in the document's keywords.

#include <filesystem>
#include <functional>
#include <string>

#include "export/Report.hpp"

namespace lp::exporting {

// Throws std::runtime_error naming the file and cairo's reason. `late_signature`, when given,
// is the signature line, asked for only once every page before the footer's is drawn: a
// signed PDF is rendered while its unsigned twin is still being read back for the digest
// (evidence/SignedExport.cpp); what it throws is thrown.
using LateText = std::function<std::string()>;
void write_pdf(const Report& r, const date::time_zone* tz, const std::filesystem::path& file,
               const LateText& late_signature = {});

}  // namespace lp::exporting
