#include "export/pdf/Writer.hpp"

#include <algorithm>
#include <numeric>

namespace lp::exporting::pdf {

Writer::Writer(const std::filesystem::path& file)
    : file_(file), surface_(pdf_surface(file, page_w, page_h)), cr_(cairo_create(surface_.get())) {
    check(cairo_status(cr_.get()), file, "cairo_create");
}

Layout Writer::layout(double width, const std::string& s, const Style& st) {
    Layout layout(pango_layout_new(pango_.get()));
    pango_layout_set_font_description(layout.get(), font(st));
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), st.align == Align::center  ? PANGO_ALIGN_CENTER
                                             : st.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                        : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), s.data(), static_cast<int>(s.size()));
    return layout;
}

PangoLayout* Writer::table_cell(double width, const std::string& s, const Style& st) {
    std::string key = s;
    key += '\0';
    key += std::to_string(width) + '/' + std::to_string(st.size) + (st.bold ? "b" : "") + (st.italic ? "i" : "") +
           static_cast<char>('0' + static_cast<int>(st.align));
    auto& l = cells_[key];
    if (!l) l = layout(width, s, st);
    return l.get();
}

void Writer::forget_cells_if_many() {
    if (cells_.size() > 20'000) cells_.clear();
}

double Writer::height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

void Writer::show(PangoLayout* l, double x, double y) {
    cairo_move_to(cr_.get(), x, y);
    pango_cairo_show_layout(cr_.get(), l);
}

double Writer::text(double x, double y, double width, const std::string& s, const Style& st) {
    const Layout l = layout(width, s, st);
    show(l, x, y);
    return height(l);
}

void Writer::qr(double x, double y, double size, const std::string& s) { draw_qr(cr_.get(), x, y, size, s); }

void Writer::line(double x0, double y0, double x1, double y1, double width) {
    cairo_set_line_width(cr_.get(), width);
    cairo_move_to(cr_.get(), x0, y0);
    cairo_line_to(cr_.get(), x1, y1);
    cairo_stroke(cr_.get());
}

void Writer::box(double x, double y, double w, double h, bool shaded) {
    if (shaded) {
        cairo_set_source_rgb(cr_.get(), 0.91, 0.90, 0.90);
        cairo_rectangle(cr_.get(), x, y, w, h);
        cairo_fill(cr_.get());
        cairo_set_source_rgb(cr_.get(), 0, 0, 0);
    }
    cairo_set_line_width(cr_.get(), 0.5);
    cairo_rectangle(cr_.get(), x, y, w, h);
    cairo_stroke(cr_.get());
}

void Writer::new_page() {
    footer();
    cairo_show_page(cr_.get());
    ++page_;
    at = top;
}

void Writer::ensure(double height) {
    if (at + height > bottom) new_page();
}

void Writer::finish() {
    footer();
    cairo_show_page(cr_.get());
    cr_.reset();
    cairo_surface_finish(surface_.get());
    check(cairo_surface_status(surface_.get()), file_, "cairo_surface_finish");
}

const PangoFontDescription* Writer::font(const Style& st) {
    for (const auto& [key, f] : fonts_)
        if (key.size == st.size && key.bold == st.bold && key.italic == st.italic) return f.get();
    Font f(pango_font_description_new());
    pango_font_description_set_family(f.get(), "Liberation Serif");
    pango_font_description_set_absolute_size(f.get(), st.size * PANGO_SCALE);
    pango_font_description_set_weight(f.get(), st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(f.get(), st.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    fonts_.emplace_back(st, std::move(f));
    return fonts_.back().second.get();
}

void Writer::footer() {
    text(left_edge, bottom + 6 * mm, right_edge - left_edge, "Trang " + std::to_string(page_),
         {9, false, true, Align::center});
}

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
