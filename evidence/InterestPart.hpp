#pragma once
// The rows of a file that show the interest section (export/Interest.hpp), told apart from the
// journal's, pure: the JSON member "interest"; in an XLSX, PDF or CSV file every row from the
// section's heading (its own sheet, the PDF's last section, the interest CSV's first line) on.
// The journal's rows are checked against the database strictly; the interest figures are
// measurements that may change after the report (feedback approved later, more listens) and are
// compared as notes (evidence/ExportAgainstDb.hpp).

#include <utility>
#include <vector>

#include "evidence/ReadBack.hpp"

namespace lp::evidence {

// {journal rows, interest rows}, each in the file's order.
std::pair<std::vector<ReadRow>, std::vector<ReadRow>> split_interest(const std::vector<ReadRow>& rows);

}  // namespace lp::evidence
