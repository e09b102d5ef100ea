#include "export/Csv.hpp"

namespace lp::exporting {

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

void CsvWriter::row(const std::vector<std::string>& fields) {
    bool first = true;
    for (const auto& f : fields) {
        if (!first) out_ += ',';
        first = false;
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out_ += f;
            continue;
        }
        out_ += '"';
        for (char c : f) {
            if (c == '"') out_ += '"';
            out_ += c;
        }
        out_ += '"';
    }
    out_ += "\r\n";
}

}  // namespace lp::exporting
