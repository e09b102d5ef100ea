#pragma once
// The PDF report's page and its drawing (cairo and pango): A4 landscape, the official margins,
// text boxes, lines, shaded boxes, a QR code, page breaks with the page number, and tables whose
// header row repeats on every page. Shared by the report (export/Pdf.cpp) and its sections.

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "export/JournalTable.hpp"
#include "export/pdf/Cairo.hpp"
#include "export/pdf/Qr.hpp"

namespace lp::exporting::pdf {

constexpr double mm = 72.0 / 25.4;
constexpr double page_w = 297 * mm, page_h = 210 * mm;  // A4 landscape
constexpr double left_edge = 30 * mm, right_edge = page_w - 15 * mm, top = 20 * mm, bottom = page_h - 20 * mm;
constexpr double pad = 2.5;

enum class Align { left, center, right };

struct Style {
    double size = 12;
    bool bold = false;
    bool italic = false;
    Align align = Align::left;
};

class Writer {
public:
    Writer(const std::filesystem::path& file)
        : file_(file), surface_(pdf_surface(file, page_w, page_h)), cr_(cairo_create(surface_.get())) {
        check(cairo_status(cr_.get()), file, "cairo_create");
    }

    cairo_surface_t* surface() const { return surface_.get(); }

    // `text` laid out in a box `width` wide (wrapping), ready to measure and show. One pango
    // context and one font description per style for the whole document: a context and a
    // font lookup per cell cost more than the cell's shaping (a year is ~300,000 cells).
    Layout layout(double width, const std::string& s, const Style& st) {
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
    // The same, shaped once per document: a table's cells repeat (dates, titles, topics,
    // forms, slots, statuses), and shaping is most of a cell's cost. Valid until
    // forget_cells_if_many().
    PangoLayout* table_cell(double width, const std::string& s, const Style& st) {
        std::string key = s;
        key += '\0';
        key += std::to_string(width) + '/' + std::to_string(st.size) + (st.bold ? "b" : "") + (st.italic ? "i" : "") +
               static_cast<char>('0' + static_cast<int>(st.align));
        auto& l = cells_[key];
        if (!l) l = layout(width, s, st);
        return l.get();
    }
    // Bounds the cache's memory (the unique cells, numbers and times, would fill it).
    void forget_cells_if_many() {
        if (cells_.size() > 20'000) cells_.clear();
    }
    static double height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    static double height(const Layout& l) { return height(l.get()); }
    void show(PangoLayout* l, double x, double y) {
        cairo_move_to(cr_.get(), x, y);
        pango_cairo_show_layout(cr_.get(), l);
    }
    void show(const Layout& l, double x, double y) { show(l.get(), x, y); }
    // Draws `text` at (x, y) in a box `width` wide; returns its height.
    double text(double x, double y, double width, const std::string& s, const Style& st) {
        const Layout l = layout(width, s, st);
        show(l, x, y);
        return height(l);
    }

    void qr(double x, double y, double size, const std::string& s) { draw_qr(cr_.get(), x, y, size, s); }

    void line(double x0, double y0, double x1, double y1, double width = 0.6) {
        cairo_set_line_width(cr_.get(), width);
        cairo_move_to(cr_.get(), x0, y0);
        cairo_line_to(cr_.get(), x1, y1);
        cairo_stroke(cr_.get());
    }

    void box(double x, double y, double w, double h, bool shaded) {
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

    double at = top;

    void new_page() {
        footer();
        cairo_show_page(cr_.get());
        ++page_;
        at = top;
    }
    void ensure(double height) {
        if (at + height > bottom) new_page();
    }
    void finish() {
        footer();
        cairo_show_page(cr_.get());
        cr_.reset();
        cairo_surface_finish(surface_.get());
        check(cairo_surface_status(surface_.get()), file_, "cairo_surface_finish");
    }

private:
    const PangoFontDescription* font(const Style& st) {
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
    void footer() {
        text(left_edge, bottom + 6 * mm, right_edge - left_edge, "Trang " + std::to_string(page_),
             {9, false, true, Align::center});
    }
    std::filesystem::path file_;
    Surface surface_;
    Context cr_;
    std::unique_ptr<PangoContext, GObjectDeleter> pango_{pango_cairo_create_context(cr_.get())};
    std::vector<std::pair<Style, Font>> fonts_;
    std::unordered_map<std::string, Layout> cells_;
    int page_ = 1;
};

// `last_is_total`: the last row is bold. `size`: the font size in points.
void table(Writer& w, const Table& t, const std::vector<double>& weights, const std::vector<Align>& aligns,
           bool last_is_total, double size = 10);

}  // namespace lp::exporting::pdf
