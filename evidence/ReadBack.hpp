#pragma once
// What a reviewer sees in an exported file, read back from its bytes: every XLSX cell (shared
// and inline strings, numbers), every CSV record, every JSON member and row, every line of a
// PDF's text (evidence/PdfText.hpp). The line carrying
// the file's own signature (LP-SIGN/1) is left out, so the signature can cover the rest.
// Pure: bytes in, rows out.

#include <string>
#include <vector>

namespace lp::evidence {

struct ReadRow {
    std::string group;               // the sheet ("1", "2", …) or JSON member; part of what is compared
    std::string where;               // for the reader: "trang tính 1, hàng 12", "dòng 5", "rows[3]"
    std::vector<std::string> cells;  // trailing empty cells dropped
    bool operator==(const ReadRow& o) const { return group == o.group && cells == o.cells; }
};

// Throw std::runtime_error naming `what` (the file) when the bytes are not of that kind.
std::vector<ReadRow> read_csv(const std::string& bytes, const std::string& what);
std::vector<ReadRow> read_json(const std::string& bytes, const std::string& what);
std::vector<ReadRow> read_xlsx(const std::string& bytes, const std::string& what);
// By format name ("xlsx", "csv", "json", "pdf": evidence/PdfText.hpp); throws
// std::invalid_argument for another.
std::vector<ReadRow> read_rows(const std::string& format, const std::string& bytes, const std::string& what);

// SHA-256 over the rows (group and cells, length-prefixed), in order.
std::string rows_digest(const std::vector<ReadRow>& rows);

// A short text of a row for messages: its first non-empty cells, cut at about 100 characters.
std::string summary(const ReadRow& row);

}  // namespace lp::evidence
