#include "export/xlsx/InterestSheet.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace lp::exporting::xlsx {
namespace {

constexpr lxw_col_t width = 12;  // columns: rank, title, topics, nine figures
constexpr std::array<double, width> widths{6, 36, 22, 8, 8, 11, 11, 9, 9, 8, 10, 9};

struct Formats {
    lxw_format* title;
    lxw_format* period;
    lxw_format* section;
    lxw_format* header;
    lxw_format* cell;
    lxw_format* cell_left;
    lxw_format* number;
    lxw_format* decimal;
    lxw_format* total;
    lxw_format* total_decimal;
    lxw_format* line;
    lxw_format* note;
};

Formats formats(Workbook& wb) {
    Formats f{};
    f.title = wb.text_format(14, true, false, LXW_ALIGN_CENTER);
    f.period = wb.text_format(13, false, true, LXW_ALIGN_CENTER);
    f.section = wb.text_format(12, true, false, LXW_ALIGN_LEFT);
    f.header = wb.header_format(10);
    f.cell = f.number = wb.number_format(false);  // a centred text cell has the same look
    f.cell_left = wb.text_format(11, false, false, LXW_ALIGN_LEFT, true);
    f.decimal = wb.number_format(false, "0.0");
    f.total = wb.number_format(true);
    f.total_decimal = wb.number_format(true, "0.0");
    f.line = wb.text_format(12, false, false, LXW_ALIGN_LEFT);
    f.note = wb.text_format(10, false, true, LXW_ALIGN_LEFT);
    return f;
}

void merged(lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, lxw_col_t last, const std::string& text, lxw_format* f) {
    if (first == last)
        worksheet_write_string(ws, row, first, text.c_str(), f);
    else
        worksheet_merge_range(ws, row, first, row, last, text.c_str(), f);
}

// "12" and "4,5" as numbers (the chart and the reader's sums need them), the rest as text.
void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& v, const Formats& f, bool total,
          bool left) {
    const bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    const auto comma = v.find(',');
    const bool decimal =
        comma != std::string::npos && comma > 0 && v.find_first_not_of("0123456789,") == std::string::npos;
    if (digits) {
        worksheet_write_number(ws, row, col, std::strtod(v.c_str(), nullptr), total ? f.total : f.number);
    } else if (decimal) {
        std::string dotted = v;
        dotted[comma] = '.';
        worksheet_write_number(ws, row, col, std::strtod(dotted.c_str(), nullptr), total ? f.total_decimal : f.decimal);
    } else {
        worksheet_write_string(ws, row, col, v.c_str(), total ? f.total : left ? f.cell_left : f.cell);
    }
}

// Lines a wrapped text needs in a cell about `chars` characters wide (UTF-8: count lead bytes).
double lines_for(const std::string& text, double chars) {
    double n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return std::max(1.0, std::ceil(n / chars));
}

// `span`: the column each cell of the table starts at, and its last column (merged when wider).
using Span = std::pair<lxw_col_t, lxw_col_t>;
lxw_row_t table(lxw_worksheet* ws, lxw_row_t row, const Table& t, const std::vector<Span>& spans,
                const std::vector<bool>& left, const Formats& f, bool last_is_total) {
    for (std::size_t c = 0; c < t.headers.size(); ++c)
        merged(ws, row, spans[c].first, spans[c].second, t.headers[c], f.header);
    worksheet_set_row(ws, row, 42, nullptr);
    ++row;
    for (std::size_t i = 0; i < t.rows.size(); ++i, ++row) {
        const bool total = last_is_total && i + 1 == t.rows.size();
        double lines = 1;
        for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
            const auto [first, last] = spans[c];
            if (first != last) {
                double chars = 0;
                for (lxw_col_t k = first; k <= last; ++k) chars += widths[k];
                merged(ws, row, first, last, t.rows[i][c], total ? f.total : f.cell_left);
                lines = std::max(lines, lines_for(t.rows[i][c], chars));
            } else {
                cell(ws, row, first, t.rows[i][c], f, total, left[c]);
                lines = std::max(lines, lines_for(t.rows[i][c], widths[first]));
            }
        }
        if (lines > 1) worksheet_set_row(ws, row, 15.0 * lines, nullptr);
    }
    return row;
}

std::vector<Span> columns(lxw_col_t first_figure) {
    std::vector<Span> s;
    for (lxw_col_t c = 0; c < width; ++c) s.emplace_back(c, c);
    s.erase(s.begin() + first_figure, s.begin() + 3);  // the name spans what the table has no column for
    s[first_figure - 1].second = 2;
    return s;
}

void chart(Workbook& wb, lxw_worksheet* ws, lxw_row_t first, std::size_t n, lxw_row_t at) {
    lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_BAR);
    const auto last = static_cast<lxw_row_t>(first + n - 1);
    const std::array<std::pair<lxw_col_t, const char*>, 3> series{
        {{7, "Lượt nghe lại"}, {8, "Lượt quét mã QR"}, {9, "Số ý kiến"}}};
    for (const auto& [col, name] : series) {
        lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(s, interest_sheet_name, first, 1, last, 1);
        chart_series_set_values(s, interest_sheet_name, first, col, last, col);
        chart_series_set_name(s, name);
    }
    chart_title_set_name(chart, "Mức độ quan tâm theo nội dung tuyên truyền");
    lxw_chart_font title_font{};
    std::string font_name = official_font;
    title_font.name = font_name.data();
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    options.x_scale = 2.2;
    options.y_scale = 1.6;
    worksheet_insert_chart_opt(ws, at, 0, chart, &options);
}

}  // namespace

void interest_sheet(Workbook& wb, const Report& r, const Interest& in) {
    lxw_worksheet* ws = wb.add_sheet(interest_sheet_name);
    const Formats f = formats(wb);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_footer(ws, "&C&\"Times New Roman\"&10Trang &P/&N");
    for (lxw_col_t c = 0; c < width; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
    // The heading in column A (merged over the sheet): the row the read-back splits on.
    merged(ws, 0, 0, width - 1, interest_heading, f.title);
    worksheet_set_row(ws, 0, 22, nullptr);
    merged(ws, 1, 0, width - 1, r.period.words_with_dates(), f.period);
    lxw_row_t row = 3;
    merged(ws, row++, 0, width - 1, "1. Theo nội dung tuyên truyền", f.section);
    const auto topics = interest_topic_table(in);
    const lxw_row_t topics_first = row + 1;
    row = table(ws, row, topics, columns(2),
                {false, true, false, false, false, false, false, false, false, false, false}, f, true);
    row += 1;
    merged(ws, row++, 0, width - 1, "2. Theo tin, bài (xếp theo điểm quan tâm)", f.section);
    std::vector<Span> item_spans;
    for (lxw_col_t c = 0; c < width; ++c) item_spans.emplace_back(c, c);
    row = table(ws, row, interest_item_table(in), item_spans,
                {false, true, true, false, false, false, false, false, false, false, false, false}, f, false);
    row += 1;
    for (const auto& line : interest_ranking_lines(in)) {
        merged(ws, row, 0, width - 1, line, f.line);
        worksheet_set_row(ws, row++, 15.0 * lines_for(line, 150), nullptr);
    }
    merged(ws, row++, 0, width - 1, interest_totals_line(in), f.note);
    row += 1;
    merged(ws, row++, 0, width - 1, "3. Ý kiến của người dân (đã duyệt)", f.section);
    if (in.comments.empty()) {
        merged(ws, row++, 0, width - 1, "Chưa có ý kiến nào trong kỳ.", f.note);
    } else {
        // STT, about (title), channel, day (two columns), rating, the comment over the rest.
        const std::vector<Span> spans{{0, 0}, {1, 1}, {2, 2}, {3, 4}, {5, 5}, {6, width - 1}};
        row = table(ws, row, interest_comment_table(in), spans, {false, true, true, false, false, true}, f, false);
    }
    chart(wb, ws, topics_first, in.topics.size(), row + 2);
}

}  // namespace lp::exporting::xlsx
