#pragma once
// The PDF report's last section, on a page of its own after the signature block: "ĐÁNH GIÁ
// MỨC ĐỘ QUAN TÂM CỦA NGƯỜI DÂN" (export/Interest.hpp). It comes last so the journal's pages
// read back the same with or without it (evidence/InterestPart.hpp).

#include "export/Report.hpp"
#include "export/pdf/Writer.hpp"

namespace lp::exporting::pdf {

void interest_section(Writer& w, const Report& r, const Interest& in);

}  // namespace lp::exporting::pdf
