// The rows read back from a file against the rows it should show, pure: an edited, removed,
// added or reordered row is each named, with where it is in the file.
#include <gtest/gtest.h>

#include "evidence/RowDiff.hpp"

namespace {

using namespace lp::evidence;
using DifferenceKind = RowDifference::Kind;

std::vector<ReadRow> rows(int n) {
    std::vector<ReadRow> out;
    for (int i = 1; i <= n; ++i)
        out.push_back({"csv", "dòng " + std::to_string(i), {std::to_string(i), "Bài số " + std::to_string(i)}});
    return out;
}

TEST(RowDiff, SameRowsHaveNoDifference) { EXPECT_TRUE(compare_rows(rows(5), rows(5)).empty()); }

TEST(RowDiff, AnEditedRowIsNamedWithBothTexts) {
    auto found = rows(5);
    found[2].cells[1] = "Bài đã sửa";
    const auto d = compare_rows(rows(5), found);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].kind, DifferenceKind::edited);
    EXPECT_EQ(d[0].text, "dòng 3 đã bị sửa: tệp ghi «3 | Bài đã sửa», bản đã ký ghi «3 | Bài số 3».");
}

TEST(RowDiff, ARemovedRowIsNamed) {
    auto found = rows(5);
    found.erase(found.begin() + 1);
    const auto d = compare_rows(rows(5), found);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].kind, DifferenceKind::removed);
    EXPECT_NE(d[0].text.find("thiếu hàng «2 | Bài số 2» (dòng 2 của bản đã ký): đã bị xóa"), std::string::npos)
        << d[0].text;
}

TEST(RowDiff, AnAddedRowIsNamed) {
    auto found = rows(5);
    found.insert(found.begin() + 4, ReadRow{"csv", "dòng 5", {"4", "Bài chèn thêm"}});
    const auto d = compare_rows(rows(5), found);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].kind, DifferenceKind::added);
    EXPECT_NE(d[0].text.find("«4 | Bài chèn thêm» không có trong bản đã ký"), std::string::npos) << d[0].text;
}

TEST(RowDiff, SwappedRowsAreNamedAsReordered) {
    auto found = rows(6);
    std::swap(found[1].cells, found[3].cells);
    const auto d = compare_rows(rows(6), found);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].kind, DifferenceKind::reordered);
    EXPECT_NE(d[0].text.find("từ dòng 2 đến dòng 4 đã bị đổi thứ tự"), std::string::npos) << d[0].text;
}

TEST(RowDiff, ARowMovedToAnotherSheetIsADifference) {
    auto found = rows(3);
    found[1].group = "2";
    EXPECT_EQ(compare_rows(rows(3), found).size(), 1u);
}

TEST(RowDiff, ManyDifferencesAreCutWithACount) {
    auto found = rows(40);
    for (auto& r : found) r.cells[1] += "!";
    const auto d = compare_rows(rows(40), found, 5);
    ASSERT_EQ(d.size(), 6u);
    EXPECT_EQ(d.back().text, "… và 35 khác biệt nữa.");
}

}  // namespace
