#include "export/TableXlsx.hpp"

#include <algorithm>

#include "export/xlsx/Workbook.hpp"

namespace lp::exporting {

void write_table_xlsx(const Table& table, const config::Organisation& organisation, const std::string& title,
                      const std::string& subtitle, const std::filesystem::path& file) {
    xlsx::Workbook wb(file);
    lxw_worksheet* ws = wb.add_sheet("Lịch phát");
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
    worksheet_fit_to_pages(ws, 1, 0);
    const auto last = static_cast<lxw_col_t>(std::max<std::size_t>(table.headers.size(), 1) - 1);
    auto* body = wb.text_format(12, false, false, LXW_ALIGN_CENTER);
    auto* issuing = wb.text_format(12, true, false, LXW_ALIGN_CENTER);
    auto* heading = wb.text_format(14, true, false, LXW_ALIGN_CENTER);
    auto* sub = wb.text_format(13, false, true, LXW_ALIGN_CENTER);
    auto* header = wb.text_format(11, true, false, LXW_ALIGN_CENTER, true);
    format_set_bg_color(header, 0xE7E6E6);
    auto* cell = wb.text_format(11, false, false, LXW_ALIGN_LEFT, true);
    const auto left = static_cast<lxw_col_t>(std::min<lxw_col_t>(2, last));
    xlsx::check(worksheet_merge_range(ws, 0, 0, 0, left, organisation.parent_body.c_str(), body),
                "worksheet_merge_range");
    xlsx::check(worksheet_merge_range(ws, 1, 0, 1, left, organisation.issuing_body.c_str(), issuing),
                "worksheet_merge_range");
    xlsx::check(worksheet_merge_range(ws, 3, 0, 3, last, title.c_str(), heading), "worksheet_merge_range");
    xlsx::check(worksheet_merge_range(ws, 4, 0, 4, last, subtitle.c_str(), sub), "worksheet_merge_range");
    lxw_row_t row = 6;
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), table.headers[c].c_str(), header);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             table.headers[c].size() > 12 ? 30 : 13, nullptr);
    }
    worksheet_repeat_rows(ws, row, row);
    for (const auto& r : table.rows) {
        ++row;
        for (std::size_t c = 0; c < r.size(); ++c)
            xlsx::check(worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), r[c].c_str(), cell),
                        "worksheet_write_string");
    }
    wb.close();
}

}  // namespace lp::exporting
