#include "export/Xlsx.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <span>

#include "domain/Texts.hpp"
#include "export/xlsx/InterestSheet.hpp"
#include "export/xlsx/SheetRows.hpp"
#include "export/xlsx/Workbook.hpp"

namespace lp::exporting {
namespace {

using xlsx::Workbook;

struct Formats {
    lxw_format* parent;
    lxw_format* issuing;
    lxw_format* nation;
    lxw_format* motto;
    lxw_format* rule;
    lxw_format* place;
    lxw_format* title;
    lxw_format* period;
    lxw_format* header;
    lxw_format* cell;
    lxw_format* cell_left;
    lxw_format* number;
    lxw_format* duration;
    lxw_format* total;
    lxw_format* total_duration;
    lxw_format* sign_title;
    lxw_format* sign_hint;
    lxw_format* footer;
    lxw_format* section;
    lxw_format* section_item;
    lxw_format* narrative;
    lxw_format* recipients_title;
    lxw_format* recipient;
};

Formats formats(Workbook& wb) {
    Formats f{};
    f.parent = wb.text_format(12, false, false, LXW_ALIGN_CENTER);
    f.issuing = wb.text_format(12, true, false, LXW_ALIGN_CENTER);
    f.nation = wb.text_format(12, true, false, LXW_ALIGN_CENTER);
    f.motto = wb.text_format(13, true, false, LXW_ALIGN_CENTER);
    f.rule = wb.format();
    format_set_top(f.rule, LXW_BORDER_THIN);
    f.place = wb.text_format(13, false, true, LXW_ALIGN_CENTER);
    f.title = wb.text_format(14, true, false, LXW_ALIGN_CENTER);
    f.period = wb.text_format(13, false, true, LXW_ALIGN_CENTER);
    f.header = wb.text_format(11, true, false, LXW_ALIGN_CENTER, true);
    format_set_bg_color(f.header, 0xE7E6E6);
    f.cell = wb.text_format(11, false, false, LXW_ALIGN_CENTER, true);
    f.cell_left = wb.text_format(11, false, false, LXW_ALIGN_LEFT, true);
    f.number = wb.text_format(11, false, false, LXW_ALIGN_CENTER, true);
    f.duration = wb.text_format(11, false, false, LXW_ALIGN_CENTER, true);
    format_set_num_format(f.duration, "[h]:mm:ss");
    f.total = wb.text_format(11, true, false, LXW_ALIGN_CENTER, true);
    f.total_duration = wb.text_format(11, true, false, LXW_ALIGN_CENTER, true);
    format_set_num_format(f.total_duration, "[h]:mm:ss");
    f.sign_title = wb.text_format(13, true, false, LXW_ALIGN_CENTER);
    f.sign_hint = wb.text_format(13, false, true, LXW_ALIGN_CENTER);
    f.footer = wb.text_format(9, false, true, LXW_ALIGN_LEFT);
    f.section = wb.text_format(12, true, false, LXW_ALIGN_LEFT);
    f.section_item = wb.text_format(13, true, true, LXW_ALIGN_LEFT);
    f.narrative = wb.text_format(13, false, false, LXW_ALIGN_LEFT);
    format_set_align(f.narrative, LXW_ALIGN_VERTICAL_TOP);
    f.recipients_title = wb.text_format(12, true, true, LXW_ALIGN_LEFT);
    f.recipient = wb.text_format(11, false, false, LXW_ALIGN_LEFT);
    return f;
}

double day_fraction(std::chrono::milliseconds d) { return static_cast<double>(d.count()) / 86'400'000.0; }

// "00:03:25" back to milliseconds (the Table's text form).
std::chrono::milliseconds parse_hms(const std::string& s) {
    int h = 0, m = 0, sec = 0;
    if (std::sscanf(s.c_str(), "%d:%d:%d", &h, &m, &sec) != 3) return std::chrono::milliseconds(0);
    return std::chrono::milliseconds((h * 3600 + m * 60 + sec) * 1000LL);
}

void merged(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text, lxw_format* f) {
    if (first == last)
        worksheet_write_string(ws, row, first, text.c_str(), f);
    else
        worksheet_merge_range(ws, row, first, row, last, text.c_str(), f);
}

void page_setup(lxw_worksheet* ws, bool landscape) {
    worksheet_set_paper(ws, 9);  // A4
    if (landscape)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    // Inches: left 30 mm, right 15 mm, top and bottom 20 mm.
    worksheet_set_margins(ws, 30 / 25.4, 15 / 25.4, 20 / 25.4, 20 / 25.4);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_footer(ws, "&C&\"Times New Roman\"&10Trang &P/&N");
}

// The header block over columns [0, width): returns the next free row.
lxw_row_t header_block(lxw_worksheet* ws, const Report& r, const Formats& f, lxw_col_t width,
                       const std::string& title) {
    const lxw_col_t left_end = static_cast<lxw_col_t>(width / 3);
    const lxw_col_t right_start = static_cast<lxw_col_t>(width - width / 2 - 1 + 1);
    const lxw_col_t last = static_cast<lxw_col_t>(width - 1);
    merged(ws, 0, 0, left_end, r.organisation.parent_body, f.parent);
    merged(ws, 0, right_start, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.nation);
    merged(ws, 1, 0, left_end, r.organisation.issuing_body, f.issuing);
    merged(ws, 1, right_start, last, "Độc lập - Tự do - Hạnh phúc", f.motto);
    // Short rules under the issuing body and under the motto.
    worksheet_write_blank(ws, 2, static_cast<lxw_col_t>(left_end / 2), f.rule);
    if (left_end / 2 + 1 <= left_end) worksheet_write_blank(ws, 2, static_cast<lxw_col_t>(left_end / 2 + 1), f.rule);
    for (lxw_col_t c = static_cast<lxw_col_t>(right_start + 1); c < last; ++c) worksheet_write_blank(ws, 2, c, f.rule);
    merged(ws, 3, 0, left_end, number_line(r), f.parent);
    merged(ws, 3, right_start, last, place_and_date(r), f.place);
    worksheet_set_row(ws, 3, 22, nullptr);
    merged(ws, 5, 0, last, title, f.title);
    worksheet_set_row(ws, 5, 24, nullptr);
    merged(ws, 6, 0, last, r.period.words_with_dates(), f.period);
    worksheet_set_row(ws, 6, 20, nullptr);
    if (const auto coverage = coverage_line(r); !coverage.empty()) {
        merged(ws, 7, 0, last, coverage, f.period);
        worksheet_set_row(ws, 7, 36, nullptr);
        return 9;
    }
    return 8;
}

void write_headers(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& headers, const Formats& f) {
    for (std::size_t c = 0; c < headers.size(); ++c)
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), headers[c].c_str(), f.header);
    worksheet_set_row(ws, row, 32, nullptr);
}

// Table cells: columns in `numbers` as integers, in `durations` as time values, the rest text.
// Lines a wrapped cell needs at `width` (in the sheet's character units); UTF-8 aware.
std::size_t wrapped_lines(const std::string& text, double width) {
    const auto chars = static_cast<double>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(chars / std::max(width - 1.0, 1.0))));
}

// Where table cells go: the worksheet through libxlsxwriter, or rows of our own
// (xlsx::SheetRows, the detail sheet's thousands of rows) spliced in after the workbook closes.
struct WorksheetCells {
    lxw_worksheet* ws;
    void height(lxw_row_t row, double points) const { worksheet_set_row(ws, row, points, nullptr); }
    void number(lxw_row_t row, lxw_col_t col, double v, lxw_format* f) const {
        worksheet_write_number(ws, row, col, v, f);
    }
    void text(lxw_row_t row, lxw_col_t col, const std::string& v, lxw_format* f) const {
        worksheet_write_string(ws, row, col, v.c_str(), f);
    }
};

// Rows get the height their longest wrapped cell needs: viewers do not all fit rows to
// wrapped text by themselves (LibreOffice keeps the default height and overlaps the text).
template <typename Cells>
lxw_row_t write_rows(Cells&& out, lxw_row_t row, const Table& t, const Formats& f, const std::set<std::size_t>& numbers,
                     const std::set<std::size_t>& durations, const std::set<std::size_t>& left, bool last_is_total,
                     std::span<const double> widths = {}) {
    for (std::size_t i = 0; i < t.rows.size(); ++i, ++row) {
        const bool total = last_is_total && i + 1 == t.rows.size();
        std::size_t lines = 1;
        for (std::size_t c = 0; c < t.rows[i].size() && c < widths.size(); ++c)
            lines = std::max(lines, wrapped_lines(t.rows[i][c], widths[c]));
        if (lines > 1) out.height(row, 15.0 * static_cast<double>(lines));
        for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
            const auto& v = t.rows[i][c];
            const auto col = static_cast<lxw_col_t>(c);
            if (durations.count(c))
                out.number(row, col, day_fraction(parse_hms(v)), total ? f.total_duration : f.duration);
            else if (numbers.count(c) && !v.empty())
                out.number(row, col, std::stod(v), total ? f.total : f.number);
            else
                out.text(row, col, v, total ? f.total : left.count(c) ? f.cell_left : f.cell);
        }
    }
    return row;
}

lxw_row_t signature_block(lxw_worksheet* ws, lxw_row_t row, const Report& r, const Formats& f, lxw_col_t width) {
    const lxw_col_t left_end = static_cast<lxw_col_t>(width / 3);
    const lxw_col_t right_start = static_cast<lxw_col_t>(width - width / 2);
    const lxw_col_t last = static_cast<lxw_col_t>(width - 1);
    merged(ws, row, 0, left_end, r.organisation.preparer_title, f.sign_title);
    merged(ws, row, right_start, last, r.organisation.head_title, f.sign_title);
    merged(ws, row + 1, 0, left_end, "(Ký, ghi rõ họ tên)", f.sign_hint);
    merged(ws, row + 1, right_start, last, "(Ký, ghi rõ họ tên, đóng dấu)", f.sign_hint);
    // Room to sign and stamp, then the names.
    if (!r.organisation.preparer_name.empty())
        merged(ws, row + 6, 0, left_end, r.organisation.preparer_name, f.sign_title);
    if (!r.organisation.head_name.empty())
        merged(ws, row + 6, right_start, last, r.organisation.head_name, f.sign_title);
    lxw_row_t at = row + 8;
    merged(ws, at++, 0, left_end, "Nơi nhận:", f.recipients_title);
    for (const auto& line : recipient_lines(r)) merged(ws, at++, 0, left_end, line, f.recipient);
    return at + 1;
}

// "V. ĐÁNH GIÁ CHUNG" and the operator's three sections over the sheet's width.
lxw_row_t narrative_block(lxw_worksheet* ws, lxw_row_t row, const Report& r, const Formats& f, lxw_col_t width,
                          double chars_wide) {
    const auto last = static_cast<lxw_col_t>(width - 1);
    merged(ws, row++, 0, last, std::string("V. ") + narrative_heading, f.section);
    for (const auto& [title, text] : narrative_sections(r)) {
        merged(ws, row++, 0, last, title, f.section_item);
        const std::string body = text.empty() ? std::string(150, '.') : text;
        merged(ws, row, 0, last, body, f.narrative);
        std::size_t lines = 0;
        std::string_view rest = body;
        while (true) {  // each paragraph wraps on its own
            const auto cut = std::min(rest.find('\n'), rest.size());
            lines += wrapped_lines(std::string(rest.substr(0, cut)), chars_wide);
            if (cut == rest.size()) break;
            rest = rest.substr(cut + 1);
        }
        worksheet_set_row(ws, row++, 17.0 * static_cast<double>(lines), nullptr);
    }
    return row + 1;
}

// The journal's rows go into `rows`, to be spliced in once the workbook is closed.
void sheet_detail(Workbook& wb, const Report& r, const Formats& f, const date::time_zone* tz, xlsx::SheetRows& rows) {
    lxw_worksheet* ws = wb.add_sheet("Nhật ký");
    page_setup(ws, true);
    const std::array<double, 12> widths{5, 11, 9, 9, 9, 32, 26, 11, 8, 14, 13, 28};
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    lxw_row_t row = header_block(ws, r, f, 12, journal_title);
    const Table t = detail_table(r, tz);
    write_headers(ws, row, t.headers, f);
    worksheet_repeat_rows(ws, row, row);
    row = write_rows(rows, row + 1, t, f, {0, 8}, {4}, {5, 6, 9, 11}, false, widths);
    merged(ws, ++row, 0, 11, cchc_line(r), f.footer);
    worksheet_set_row(ws, row, 30, nullptr);
    row = narrative_block(ws, row + 2, r, f, 12, 175);
    row = signature_block(ws, row, r, f, 12);
    for (const auto& line : footer_lines(r)) {
        merged(ws, row, 0, 11, line, f.footer);
        worksheet_set_row(ws, row, line.size() > 150 ? 30 : 15, nullptr);
        ++row;
    }
}

void sheet_items(Workbook& wb, const Report& r, const Formats& f, const date::time_zone* tz) {
    lxw_worksheet* ws = wb.add_sheet("Theo tin, bài");
    page_setup(ws, true);
    const std::array<double, 8> widths{5, 40, 30, 12, 10, 12, 18, 18};
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    lxw_row_t row = header_block(ws, r, f, 8, "TỔNG HỢP SỐ LƯỢT PHÁT THEO TIN, BÀI");
    const Table t = item_table(r, tz);
    write_headers(ws, row, t.headers, f);
    worksheet_repeat_rows(ws, row, row);
    write_rows(WorksheetCells{ws}, row + 1, t, f, {0, 4}, {5}, {1, 2}, true, widths);
}

// Whole tenths of a minute: the chart's scale, and no 0.0333333 in the cells.
double minutes(std::chrono::milliseconds d) { return std::round(static_cast<double>(d.count()) / 6000.0) / 10.0; }

// One group table with a minutes column for the chart; returns the first data row.
lxw_row_t group_block(lxw_worksheet* ws, lxw_row_t row, const std::vector<GroupTotal>& groups,
                      const std::string& heading, const Report& r, const Formats& f, std::span<const double> widths) {
    const Table t = group_table(groups, heading, r);
    auto headers = t.headers;
    headers.push_back("Thời lượng (phút)");
    write_headers(ws, row, headers, f);
    write_rows(WorksheetCells{ws}, row + 1, t, f, {0, 2, 3}, {4}, {1}, true, widths);
    for (std::size_t i = 0; i < groups.size(); ++i)
        worksheet_write_number(ws, static_cast<lxw_row_t>(row + 1 + i), 5, minutes(groups[i].airtime), f.number);
    worksheet_write_number(ws, static_cast<lxw_row_t>(row + 1 + groups.size()), 5, minutes(r.airtime), f.total);
    return row + 1;
}

void add_chart(Workbook& wb, lxw_worksheet* ws, const char* sheet, lxw_row_t first, std::size_t n, const char* title,
               lxw_row_t at) {
    lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_BAR);
    const auto last = static_cast<lxw_row_t>(first + n - 1);
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet, first, 1, last, 1);
    chart_series_set_values(s, sheet, first, 3, last, 3);
    chart_series_set_name(s, "Số lượt phát");
    lxw_chart_series* m = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(m, sheet, first, 1, last, 1);
    chart_series_set_values(m, sheet, first, 5, last, 5);
    chart_series_set_name(m, "Thời lượng (phút)");
    chart_title_set_name(chart, title);
    lxw_chart_font title_font{};
    std::string font_name = xlsx::official_font;
    title_font.name = font_name.data();
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    // Below the tables, as wide as they are: beside them, fit-to-page would shrink the page.
    options.x_scale = 1.35;
    options.y_scale = 1.4;
    worksheet_insert_chart_opt(ws, at, 0, chart, &options);
}

void sheet_groups(Workbook& wb, const Report& r, const Formats& f) {
    const char* name = "Theo nội dung, hình thức";
    lxw_worksheet* ws = wb.add_sheet(name);
    page_setup(ws, false);
    const std::array<double, 6> widths{5, 48, 10, 10, 12, 10};
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    lxw_row_t row = header_block(ws, r, f, 6, "TỔNG HỢP THEO NỘI DUNG VÀ HÌNH THỨC THỂ HIỆN");
    merged(ws, row, 0, 5, "1. Theo nội dung tuyên truyền (mục II.1 của Kế hoạch)", f.sign_title);
    const lxw_row_t topics_first = group_block(ws, row + 1, r.topics, "Nội dung", r, f, widths);
    row = static_cast<lxw_row_t>(topics_first + r.topics.size() + 1);
    merged(ws, row, 0, 5, std::string(domain::texts::counted_under_each_topic), f.footer);
    worksheet_set_row(ws, row, 30, nullptr);
    row += 2;
    merged(ws, row, 0, 5, "2. Theo hình thức thể hiện", f.sign_title);
    const lxw_row_t forms_first = group_block(ws, row + 1, r.forms, "Hình thức", r, f, widths);
    const auto charts = static_cast<lxw_row_t>(forms_first + r.forms.size() + 2);
    add_chart(wb, ws, name, topics_first, r.topics.size(), "Theo nội dung", charts);
    add_chart(wb, ws, name, forms_first, r.forms.size(), "Theo hình thức", static_cast<lxw_row_t>(charts + 23));
}

}  // namespace

void write_xlsx(const Report& r, const date::time_zone* tz, const std::filesystem::path& file) {
    Workbook wb(file);
    const Formats f = formats(wb);
    lxw_doc_properties props{};
    std::string title = std::string(journal_title) + " - " + r.period.words();
    std::string company = r.organisation.issuing_body;
    std::string comments = "loaphuong";
    std::string marker = r.stamp.marker();
    props.title = title.data();
    props.company = company.data();
    props.comments = comments.data();
    props.keywords = marker.data();
    xlsx::check(workbook_set_properties(wb.get(), &props), "workbook_set_properties");
    xlsx::check(workbook_set_custom_property_string(wb.get(), "loaphuong-seal", marker.c_str()),
                "workbook_set_custom_property_string");
    xlsx::SheetRows detail_rows;
    sheet_detail(wb, r, f, tz, detail_rows);
    sheet_items(wb, r, f, tz);
    sheet_groups(wb, r, f);
    if (r.interest) xlsx::interest_sheet(wb, r, *r.interest);
    wb.close();
    xlsx::splice_rows(file, 1, detail_rows);  // the detail sheet was added first
}

}  // namespace lp::exporting
