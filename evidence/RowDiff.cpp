#include "evidence/RowDiff.hpp"

#include <algorithm>
#include <map>

namespace lp::evidence {
namespace {

using Kind = RowDifference::Kind;

std::string quoted(const ReadRow& r) { return "«" + summary(r) + "»"; }

// The rows of a[from, a_end) with no equal left in b[from, b_end), each equal used once.
std::vector<std::size_t> unmatched(const std::vector<ReadRow>& a, std::size_t a_end, const std::vector<ReadRow>& b,
                                   std::size_t b_end, std::size_t from) {
    std::map<std::pair<std::string, std::vector<std::string>>, int> pool;
    for (std::size_t i = from; i < b_end; ++i) ++pool[{b[i].group, b[i].cells}];
    std::vector<std::size_t> out;
    for (std::size_t i = from; i < a_end; ++i) {
        auto it = pool.find({a[i].group, a[i].cells});
        if (it != pool.end() && it->second > 0)
            --it->second;
        else
            out.push_back(i);
    }
    return out;
}

}  // namespace

std::vector<RowDifference> compare_rows(const std::vector<ReadRow>& expected, const std::vector<ReadRow>& found,
                                        std::size_t limit) {
    std::vector<RowDifference> out;
    std::size_t head = 0;
    while (head < expected.size() && head < found.size() && expected[head] == found[head]) ++head;
    std::size_t tail = 0;
    while (tail < expected.size() - head && tail < found.size() - head &&
           expected[expected.size() - 1 - tail] == found[found.size() - 1 - tail])
        ++tail;
    const std::size_t e_end = expected.size() - tail, f_end = found.size() - tail;
    if (head == e_end && head == f_end) return out;

    // Which rows of the differing stretch have no equal on the other side.
    const auto missing = unmatched(expected, e_end, found, f_end, head);  // indexes into expected
    const auto extra = unmatched(found, f_end, expected, e_end, head);    // indexes into found

    if (missing.empty() && extra.empty()) {
        out.push_back({Kind::reordered, found[head].where,
                       "các hàng từ " + found[head].where + " đến " + found[f_end - 1].where +
                           " đã bị đổi thứ tự so với bản đã ký."});
    } else if (missing.size() == extra.size()) {
        for (std::size_t k = 0; k < missing.size(); ++k) {
            const auto& e = expected[missing[k]];
            const auto& f = found[extra[k]];
            out.push_back({Kind::edited, f.where,
                           f.where + " đã bị sửa: tệp ghi " + quoted(f) + ", bản đã ký ghi " + quoted(e) + "."});
        }
    } else {
        for (auto i : missing)
            out.push_back(
                {Kind::removed, expected[i].where,
                 "thiếu hàng " + quoted(expected[i]) + " (" + expected[i].where + " của bản đã ký): đã bị xóa."});
        for (auto i : extra)
            out.push_back(
                {Kind::added, found[i].where,
                 found[i].where + " " + quoted(found[i]) + " không có trong bản đã ký: đã bị thêm vào hoặc sửa."});
    }
    if (out.size() > limit) {
        const auto more = out.size() - limit;
        out.resize(limit);
        out.push_back({out.back().kind, "", "… và " + std::to_string(more) + " khác biệt nữa."});
    }
    return out;
}

}  // namespace lp::evidence
