#pragma once
// Compares the rows read back from a file with the rows it should show, pure, and names each
// difference for the reviewer (Vietnamese): an edited, added, removed or reordered row.

#include <string>
#include <vector>

#include "evidence/ReadBack.hpp"

namespace lp::evidence {

struct RowDifference {
    enum class Kind { edited, added, removed, reordered };
    Kind kind;
    std::string where;  // in the file (edited, added, reordered) or where it was (removed)
    std::string text;   // Vietnamese, the whole finding
};

// Empty when the file shows exactly `expected`. At most `limit` findings (then one saying how
// many more).
std::vector<RowDifference> compare_rows(const std::vector<ReadRow>& expected, const std::vector<ReadRow>& found,
                                        std::size_t limit = 20);

}  // namespace lp::evidence
