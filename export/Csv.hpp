#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lp::exporting {

// RFC 4180 writer: fields quoted when they hold a comma, quote or line break; CRLF rows.
class CsvWriter {
public:
    // Starts with the UTF-8 byte order mark so Excel shows Vietnamese diacritics.
    CsvWriter();
    void row(const std::vector<std::string>& fields);
    const std::string& text() const { return out_; }

private:
    std::string out_;
};

}  // namespace lp::exporting
