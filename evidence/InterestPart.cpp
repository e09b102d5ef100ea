#include "evidence/InterestPart.hpp"

#include "export/Interest.hpp"

namespace lp::evidence {

std::pair<std::vector<ReadRow>, std::vector<ReadRow>> split_interest(const std::vector<ReadRow>& rows) {
    std::pair<std::vector<ReadRow>, std::vector<ReadRow>> out;
    bool in_section = false;
    for (const auto& row : rows) {
        const bool heading = !row.cells.empty() && row.cells.front() == exporting::interest_heading;
        if (heading) in_section = true;
        (in_section || row.group == "interest" ? out.second : out.first).push_back(row);
    }
    return out;
}

}  // namespace lp::evidence
