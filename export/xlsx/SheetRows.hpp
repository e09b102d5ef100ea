#pragma once
// A block of a worksheet's rows written as SpreadsheetML by our own code and spliced into the
// workbook libxlsxwriter wrote: the year's detail sheet (25,000 rows × 12 cells). Through
// libxlsxwriter, its cell-by-cell bookkeeping and its deflate at the default level cost ~4/5 of
// the export; here the cells are appended to one buffer and the archive is rewritten with a fast
// deflate. The cells are what libxlsxwriter would have written for the same calls: shared
// strings (appended to the workbook's table), numbers as "%.16G", the workbook's own styles.

#include <xlsxwriter.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lp::exporting::xlsx {

class SheetRows {
public:
    // Rows and columns 0-based as in libxlsxwriter; cells in ascending order (row, then column).
    // `format` is one of the workbook's formats: its style index is fixed now.
    void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format);
    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);
    void height(lxw_row_t row, double points);

    bool empty() const { return cells_.empty() && heights_.empty(); }
    lxw_row_t first_row() const;
    lxw_row_t last_row() const;
    // The <row> elements; strings()[i] is shared string number `string_index[i]`.
    std::string xml(const std::vector<std::size_t>& string_index) const;
    const std::vector<std::string>& strings() const { return strings_; }
    std::size_t string_cells() const { return string_cells_; }

private:
    struct Cell {
        lxw_row_t row;
        lxw_col_t col;
        std::int32_t style;
        bool is_text;
        bool blank;
        std::uint32_t string_id;
        double number;
    };
    void add(Cell c);
    std::int32_t style(lxw_format* format);
    std::vector<Cell> cells_;
    std::vector<std::pair<lxw_row_t, double>> heights_;  // ascending rows
    std::vector<std::string> strings_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::size_t string_cells_ = 0;
    // Debian's libxlsxwriter 1.1.4 hashes the whole format at every lxw_format_get_xf_index.
    std::vector<std::pair<lxw_format*, std::int32_t>> styles_;
};

// Puts `rows` into worksheet `sheet` (1-based: xl/worksheets/sheet<N>.xml) of the closed
// workbook `file`, before the first row of the sheet below them; their strings are those of the
// shared string table already there (one entry per text, as a reviewer editing it expects), the
// others added at its end. The archive is written again in place. Throws
// std::runtime_error naming the file when the workbook is not as libxlsxwriter writes it or
// already has cells in those rows.
void splice_rows(const std::filesystem::path& file, int sheet, const SheetRows& rows);

}  // namespace lp::exporting::xlsx
