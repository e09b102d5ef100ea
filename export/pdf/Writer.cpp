#include "export/pdf/Writer.hpp"

#include <numeric>

namespace lp::exporting::pdf {

// A table whose columns share the width by `weights`; the header row repeats on every page.
void table(Writer& w, const Table& t, const std::vector<double>& weights, const std::vector<Align>& aligns,
           bool last_is_total, double size) {
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> widths;
    for (double wt : weights) widths.push_back((right_edge - left_edge) * wt / total);
    // Each row is laid out once, measured, then shown from the same layouts.
    const auto lay_out = [&](const std::vector<std::string>& cells, const Style& base) {
        std::vector<PangoLayout*> out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            Style st = base;
            st.align = aligns[c];
            out.push_back(w.table_cell(widths[c] - 2 * pad, cells[c], st));
        }
        return out;
    };
    const auto row_height = [&](const std::vector<PangoLayout*>& cells) {
        double h = 0;
        for (auto* l : cells) h = std::max(h, Writer::height(l));
        return h + 2 * pad;
    };
    const auto draw_row = [&](const std::vector<PangoLayout*>& cells, bool shaded, double h) {
        double x = left_edge;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            w.box(x, w.at, widths[c], h, shaded);
            w.show(cells[c], x + pad, w.at + pad);
            x += widths[c];
        }
        w.at += h;
    };
    const Style head{size, true, false, Align::center};
    // The header row is kept by the table (it repeats on every page; the cache may be emptied).
    std::vector<Layout> header_layouts;
    std::vector<PangoLayout*> headers;
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        header_layouts.push_back(w.layout(widths[c] - 2 * pad, t.headers[c], head));
        headers.push_back(header_layouts.back().get());
    }
    const double head_h = row_height(headers);
    w.ensure(head_h + 20);
    draw_row(headers, true, head_h);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const Style body{size, last_is_total && i + 1 == t.rows.size(), false, Align::left};
        w.forget_cells_if_many();
        const auto cells = lay_out(t.rows[i], body);
        const double h = row_height(cells);
        if (w.at + h > bottom) {
            w.new_page();
            draw_row(headers, true, head_h);
        }
        draw_row(cells, false, h);
    }
}

}  // namespace lp::exporting::pdf
