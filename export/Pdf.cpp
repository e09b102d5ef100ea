#include "export/Pdf.hpp"

#include <numeric>
#include <unordered_map>
#include <vector>

#include "domain/Texts.hpp"
#include "export/pdf/Cairo.hpp"
#include "export/pdf/Qr.hpp"

namespace lp::exporting {
namespace {

using namespace pdf;

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

// A table whose columns share the width by `weights`; the header row repeats on every page.
void table(Writer& w, const Table& t, const std::vector<double>& weights, const std::vector<Align>& aligns,
           bool last_is_total, double size = 10) {
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

void header_block(Writer& w, const Report& r) {
    const double col = (right_edge - left_edge) * 0.42;
    const double rx = right_edge - col;
    double ly = w.at, ry = w.at;
    ly += w.text(left_edge, ly, col, r.organisation.parent_body, {12.5, false, false, Align::center});
    ly += w.text(left_edge, ly, col, r.organisation.issuing_body, {12.5, true, false, Align::center});
    w.line(left_edge + col * 0.35, ly + 5, left_edge + col * 0.65, ly + 5);
    ly += 10;
    ly += w.text(left_edge, ly, col, number_line(r), {13, false, false, Align::center});
    ry += w.text(rx, ry, col, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {12.5, true, false, Align::center});
    const double motto_h = w.text(rx, ry, col, "Độc lập - Tự do - Hạnh phúc", {13.5, true, false, Align::center});
    ry += motto_h;
    // The rule under the motto is as long as the motto itself (about 48% of the column).
    w.line(rx + col * 0.24, ry + 5, rx + col * 0.76, ry + 5);
    ry += 10;
    ry += w.text(rx, ry, col, place_and_date(r), {13, false, true, Align::center});
    w.at = std::max(ly, ry) + 18;
}

void title(Writer& w, const std::string& text, const std::string& period) {
    w.at += w.text(left_edge, w.at, right_edge - left_edge, text, {14, true, false, Align::center});
    if (!period.empty())
        w.at += w.text(left_edge, w.at, right_edge - left_edge, period, {13, false, true, Align::center});
    w.at += 10;
}

void heading(Writer& w, const std::string& text) {
    w.ensure(60);
    w.at += 8;
    w.at += w.text(left_edge, w.at, right_edge - left_edge, text, {12.5, true, false, Align::left}) + 4;
}

// The operator's narrative; an empty section gets a dotted line to write on.
void narrative(Writer& w, const Report& r) {
    heading(w, std::string("V. ") + narrative_heading);
    for (const auto& [title, text] : narrative_sections(r)) {
        w.ensure(40);
        w.at += w.text(left_edge, w.at, right_edge - left_edge, title, {13, true, true, Align::left}) + 2;
        const std::string body = text.empty() ? std::string(200, '.') : text;
        w.at +=
            w.text(left_edge + 8 * mm, w.at, right_edge - left_edge - 8 * mm, body, {13, false, false, Align::left});
        w.at += 6;
    }
}

void signature_block(Writer& w, const Report& r) {
    // Titles, room to sign, names and "Nơi nhận" stay together on one page.
    w.ensure(190 + 14.0 * static_cast<double>(recipient_lines(r).size()));
    w.at += 16;
    const double col = (right_edge - left_edge) * 0.4;
    const double rx = right_edge - col;
    w.text(left_edge, w.at, col, r.organisation.preparer_title, {13, true, false, Align::center});
    const double h = w.text(rx, w.at, col, r.organisation.head_title, {13, true, false, Align::center});
    w.at += h;
    w.text(left_edge, w.at, col, "(Ký, ghi rõ họ tên)", {13, false, true, Align::center});
    w.at += w.text(rx, w.at, col, "(Ký, ghi rõ họ tên, đóng dấu)", {13, false, true, Align::center});
    w.at += 72;  // room to sign and stamp
    w.text(left_edge, w.at, col, r.organisation.preparer_name, {13, true, false, Align::center});
    w.at += w.text(rx, w.at, col, r.organisation.head_name, {13, true, false, Align::center}) + 14;
    // Nơi nhận, bottom left (Nghị định 30/2020).
    w.at += w.text(left_edge, w.at, col, "Nơi nhận:", {12, true, true, Align::left});
    for (const auto& line : recipient_lines(r))
        w.at += w.text(left_edge, w.at, col, line, {11, false, false, Align::left});
    w.at += 10;
}

}  // namespace

void write_pdf(const Report& r, const date::time_zone* tz, const std::filesystem::path& file,
               const LateText& late_signature) {
    Writer w(file);
    const std::string marker = r.stamp.marker();
    const std::string doc_title = std::string(journal_title) + " - " + r.period.words();
    cairo_pdf_surface_set_metadata(w.surface(), CAIRO_PDF_METADATA_TITLE, doc_title.c_str());
    cairo_pdf_surface_set_metadata(w.surface(), CAIRO_PDF_METADATA_AUTHOR, r.organisation.issuing_body.c_str());
    cairo_pdf_surface_set_metadata(w.surface(), CAIRO_PDF_METADATA_KEYWORDS, marker.c_str());
    cairo_pdf_surface_set_metadata(w.surface(), CAIRO_PDF_METADATA_CREATOR, "loaphuong");

    header_block(w, r);
    title(w, journal_title, r.period.words_with_dates());
    if (const auto coverage = coverage_line(r); !coverage.empty()) {
        w.at += w.text(left_edge, w.at - 6, right_edge - left_edge, coverage, {12, false, true, Align::center}) + 4;
    }
    heading(w, "I. NHẬT KÝ CHI TIẾT");
    const auto C = Align::center, L = Align::left;
    // 9 pt so that dates and times fit their columns on one line.
    table(w, detail_table(r, tz), {4.8, 9.8, 8.2, 8.2, 8.2, 22, 18, 8, 6, 10, 9.5, 16},
          {C, C, C, C, C, L, L, C, C, L, C, L}, false, 9);
    heading(w, "II. TỔNG HỢP THEO TIN, BÀI");
    table(w, item_table(r, tz), {4, 30, 22, 10, 8, 10, 13, 13}, {C, L, L, C, C, C, C, C}, true);
    heading(w, "III. TỔNG HỢP THEO NỘI DUNG TUYÊN TRUYỀN");
    table(w, group_table(r.topics, "Nội dung", r), {4, 60, 10, 10, 12}, {C, L, C, C, C}, true);
    w.at += 4;
    w.at += w.text(left_edge, w.at, right_edge - left_edge, std::string(domain::texts::counted_under_each_topic),
                   {9, false, true, Align::left});
    heading(w, "IV. TỔNG HỢP THEO HÌNH THỨC THỂ HIỆN");
    table(w, group_table(r.forms, "Hình thức", r), {4, 60, 10, 10, 12}, {C, L, C, C, C}, true);
    w.at += 4;
    w.at += w.text(left_edge, w.at, right_edge - left_edge, cchc_line(r), {11, false, true, Align::left});
    narrative(w, r);
    signature_block(w, r);
    // The check code beside the footer as a QR code: the printed, signed copy can be compared
    // with the file received (the signature line when signed, else the chain marker).
    constexpr double qr_size = 42 * mm;
    w.ensure(qr_size + 4);
    const std::string signature = late_signature ? late_signature() : r.signature_line;
    if (!signature.empty())  // the document's metadata is written when the surface finishes
        cairo_pdf_surface_set_metadata(w.surface(), CAIRO_PDF_METADATA_SUBJECT, signature.c_str());
    const double qr_top = w.at;
    const double text_width = right_edge - left_edge - qr_size - 6 * mm;
    for (const auto& line : footer_lines(r, signature))
        w.at += w.text(left_edge, w.at, text_width, line, {8.5, false, true, Align::left});
    w.qr(right_edge - qr_size, qr_top, qr_size, signature.empty() ? marker : signature);
    w.at = std::max(w.at, qr_top + qr_size);
    // One caption for the signed and the unsigned render: a signed PDF is signed over the text
    // of its unsigned render (evidence/PdfText.hpp), so nothing but the signature may differ.
    w.at += w.text(right_edge - qr_size, w.at, qr_size, "Mã QR: mã kiểm tra của tệp này",
                   {7.5, false, true, Align::center});
    w.finish();
}

}  // namespace lp::exporting
