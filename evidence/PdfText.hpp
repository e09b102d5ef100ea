#pragma once
// What a reviewer sees in a PDF report, read back from its bytes with poppler: every line of
// text on every page, in reading order (as laid out on the page), one ReadRow per line. The
// lines of the file's own signature (the footer paragraph that starts with LP-SIGN/1) are left
// out, so the signature can cover the rest.

#include <string>
#include <vector>

#include "evidence/ReadBack.hpp"

namespace lp::evidence {

// Throws std::runtime_error naming `what` (the file) when poppler cannot read the PDF.
std::vector<ReadRow> read_pdf(const std::string& bytes, const std::string& what);

// Pure: the rows of one page's text (poppler's physical layout, lines split on '\n'), runs of
// white space made one space; `page` counts from 1. Signature lines are not dropped here.
std::vector<ReadRow> page_rows(const std::string& text, int page);

// Pure: `rows` without the signature paragraph: the line carrying LP-SIGN/1 and the lines that
// continue it (made only of key=value fields and hex digits, as the line wraps).
std::vector<ReadRow> without_signature(std::vector<ReadRow> rows);

}  // namespace lp::evidence
