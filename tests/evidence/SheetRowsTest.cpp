// The detail sheet's rows written by our own code (export/xlsx/SheetRows) and spliced into the
// workbook libxlsxwriter wrote read back, cell for cell, as the same calls through libxlsxwriter.

#include <gtest/gtest.h>

#include <regex>

#include "evidence/ReadBack.hpp"
#include "evidence/SignedExport.hpp"
#include "export/ZipText.hpp"
#include "export/xlsx/SheetRows.hpp"
#include "export/xlsx/Workbook.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::exporting::xlsx::SheetRows;
using lp::exporting::xlsx::Workbook;

struct Cell {
    lxw_row_t row;
    lxw_col_t col;
    std::string text;  // a number when `number`
    bool number;
};

// Row 2 and 4 of the block: text shared with the cells above, new text, text to escape,
// whitespace at the ends, control characters, an empty text, numbers and a time of day.
const std::vector<Cell> block{
    {2, 0, "1", true},
    {2, 1, "Tiêu đề chung", false},
    {2, 2, "A & <B> \"C\"", false},
    {2, 3, "0.0007060185185185185", true},
    {2, 5, "", false},
    {4, 0, "2", true},
    {4, 1, " khoảng trắng ở hai đầu ", false},
    {4, 2, "tab\there\x01", false},
    {4, 3, "123456.25", true},
};

// Builds a workbook with cells above and below the block, on sheet 1, and the same text on
// sheet 2; the block through libxlsxwriter or spliced in.
std::filesystem::path make(const std::filesystem::path& file, bool spliced) {
    Workbook wb(file);
    auto* text = wb.text_format(11, false, false, LXW_ALIGN_LEFT, true);
    auto* number = wb.text_format(11, false, false, LXW_ALIGN_CENTER, true);
    format_set_num_format(number, "[h]:mm:ss");
    lxw_worksheet* ws = wb.add_sheet("Một");
    lxw_worksheet* other = wb.add_sheet("Hai");
    worksheet_write_string(ws, 0, 0, "Tiêu đề chung", nullptr);
    worksheet_merge_range(ws, 1, 0, 1, 3, "Dòng gộp ô", nullptr);
    worksheet_write_string(ws, 7, 1, "Dòng cuối", nullptr);
    worksheet_write_string(other, 0, 0, "Tiêu đề chung", text);
    worksheet_write_number(other, 1, 0, 5, number);
    SheetRows rows;
    for (const auto& c : block) {
        if (c.row == 4 && c.col == 0) {
            if (spliced)
                rows.height(4, 30);
            else
                worksheet_set_row(ws, 4, 30, nullptr);
        }
        if (spliced) {
            if (c.number)
                rows.number(c.row, c.col, std::stod(c.text), number);
            else
                rows.text(c.row, c.col, c.text, text);
        } else if (c.number) {
            worksheet_write_number(ws, c.row, c.col, std::stod(c.text), number);
        } else {
            worksheet_write_string(ws, c.row, c.col, c.text.c_str(), text);
        }
    }
    wb.close();
    if (spliced) lp::exporting::xlsx::splice_rows(file, 1, rows);
    return file;
}

std::string member(const std::filesystem::path& file, const std::string& name) {
    for (const auto& [n, data] : lp::exporting::zip_entries(lp::evidence::read_file_bytes(file), file.string()))
        if (n == name) return data;
    return {};
}

std::string style_attribute(const std::string& sheet, const std::string& ref) {
    std::smatch m;
    const std::regex cell("<c r=\"" + ref + "\" s=\"([0-9]+)\"");
    return std::regex_search(sheet, m, cell) ? m[1].str() : "";
}

TEST(SheetRows, SplicedRowsReadBackAsTheSameCellsWrittenThroughLibxlsxwriter) {
    lp::test::TempDir dir;
    const auto ours = make(dir.path() / "ours.xlsx", true);
    const auto theirs = make(dir.path() / "theirs.xlsx", false);
    EXPECT_EQ(lp::test::run_command("unzip -tq " + ours.string()).exit_code, 0);
    const auto a = lp::evidence::read_xlsx(lp::evidence::read_file_bytes(ours), "ours");
    const auto b = lp::evidence::read_xlsx(lp::evidence::read_file_bytes(theirs), "theirs");
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].where, b[i].where);
        EXPECT_EQ(a[i].cells, b[i].cells) << a[i].where;
    }
    // One entry per text in the shared strings, counts that add up.
    const auto strings = member(ours, "xl/sharedStrings.xml");
    EXPECT_EQ(strings.find("Tiêu đề chung"), strings.rfind("Tiêu đề chung"));
    EXPECT_NE(strings.find("A &amp; &lt;B&gt; \"C\""), std::string::npos);
    EXPECT_NE(strings.find("<t xml:space=\"preserve\"> khoảng"), std::string::npos);
    EXPECT_NE(strings.find("count=\"8\" uniqueCount=\"6\""), std::string::npos) << strings.substr(0, 300);
    // The block's cells have the styles libxlsxwriter gave the same formats on sheet 2, and
    // the row its height.
    const auto sheet = member(ours, "xl/worksheets/sheet1.xml");
    const auto sheet2 = member(ours, "xl/worksheets/sheet2.xml");
    EXPECT_EQ(style_attribute(sheet, "B3"), style_attribute(sheet2, "A1"));
    EXPECT_EQ(style_attribute(sheet, "D3"), style_attribute(sheet2, "A2"));
    EXPECT_NE(style_attribute(sheet, "F3"), "");  // an empty text: a formatted blank cell
    EXPECT_NE(sheet.find("<row r=\"5\" ht=\"30\" customHeight=\"1\">"), std::string::npos);
    EXPECT_LT(sheet.find("<row r=\"3\""), sheet.find("<row r=\"8\""));
}

TEST(SheetRows, RowsTheSheetAlreadyHasAreRefusedNamingTheFile) {
    lp::test::TempDir dir;
    const auto file = dir.path() / "clash.xlsx";
    Workbook wb(file);
    worksheet_write_string(wb.add_sheet("Một"), 3, 0, "đã có", nullptr);
    wb.close();
    SheetRows rows;
    rows.text(3, 1, "thêm", nullptr);
    try {
        lp::exporting::xlsx::splice_rows(file, 1, rows);
        FAIL() << "spliced over an existing row";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("already has row 4"), std::string::npos) << e.what();
    }
}

TEST(SheetRows, CellsOutOfOrderAreALogicError) {
    SheetRows rows;
    rows.number(5, 2, 1, nullptr);
    EXPECT_THROW(rows.number(5, 1, 1, nullptr), std::logic_error);
    EXPECT_THROW(rows.text(4, 0, "x", nullptr), std::logic_error);
}

}  // namespace
