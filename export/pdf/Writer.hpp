#pragma once
// The PDF report's page and its drawing (cairo and pango): A4 landscape, the official margins,
// text boxes, lines, shaded boxes, a QR code, page breaks with the page number, and tables whose
// header row repeats on every page. Shared by the report (export/Pdf.cpp) and its sections.

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
    explicit Writer(const std::filesystem::path& file);

    cairo_surface_t* surface() const { return surface_.get(); }

    // `text` laid out in a box `width` wide (wrapping), ready to measure and show. One pango
    // context and one font description per style for the whole document: a context and a
    // font lookup per cell cost more than the cell's shaping (a year is ~300,000 cells).
    Layout layout(double width, const std::string& s, const Style& st);
    // The same, shaped once per document: a table's cells repeat (dates, titles, topics,
    // forms, slots, statuses), and shaping is most of a cell's cost. Valid until
    // forget_cells_if_many().
    PangoLayout* table_cell(double width, const std::string& s, const Style& st);
    // Bounds the cache's memory (the unique cells, numbers and times, would fill it).
    void forget_cells_if_many();
    static double height(PangoLayout* l);
    static double height(const Layout& l) { return height(l.get()); }
    void show(PangoLayout* l, double x, double y);
    void show(const Layout& l, double x, double y) { show(l.get(), x, y); }
    // Draws `text` at (x, y) in a box `width` wide; returns its height.
    double text(double x, double y, double width, const std::string& s, const Style& st);

    void qr(double x, double y, double size, const std::string& s);
    void line(double x0, double y0, double x1, double y1, double width = 0.6);
    void box(double x, double y, double w, double h, bool shaded);

    double at = top;  // where the next thing is drawn on the page

    void new_page();
    // A new page unless `height` still fits on this one.
    void ensure(double height);
    void finish();

private:
    const PangoFontDescription* font(const Style& st);
    void footer();

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
