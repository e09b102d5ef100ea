#include "export/TableXlsx.hpp"

#include <algorithm>

#include "export/xlsx/Workbook.hpp"

namespace lp::exporting {
namespace {

lxw_format* text_format(xlsx::Workbook& wb, double size, bool bold, bool italic, uint8_t align, bool border) {
    lxw_format* f = wb.format();
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (italic) format_set_italic(f);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    return f;
}

}  // namespace

void write_table_xlsx(const Table& table, const config::Organisation& organisation, const std::string& title,
                      const std::string& subtitle, const std::filesystem::path& file) {
    xlsx::Workbook wb(file);
    lxw_worksheet* ws = wb.add_sheet("Lịch phát");
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
    worksheet_fit_to_pages(ws, 1, 0);
    const auto last = static_cast<lxw_col_t>(std::max<std::size_t>(table.headers.size(), 1) - 1);
    auto* body = text_format(wb, 12, false, false, LXW_ALIGN_CENTER, false);
    auto* issuing = text_format(wb, 12, true, false, LXW_ALIGN_CENTER, false);
    auto* heading = text_format(wb, 14, true, false, LXW_ALIGN_CENTER, false);
    auto* sub = text_format(wb, 13, false, true, LXW_ALIGN_CENTER, false);
    auto* header = text_format(wb, 11, true, false, LXW_ALIGN_CENTER, true);
    format_set_bg_color(header, 0xE7E6E6);
    auto* cell = text_format(wb, 11, false, false, LXW_ALIGN_LEFT, true);
    const auto left = static_cast<lxw_col_t>(std::min<lxw_col_t>(2, last));
    xlsx::check(worksheet_merge_range(ws, 0, 0, 0, left, organisation.parent_body.c_str(), body), "worksheet_merge_range");
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
