#include "export/Pdf.hpp"

#include <algorithm>
#include <vector>

#include "domain/Texts.hpp"
#include "export/pdf/InterestSection.hpp"
#include "export/pdf/Writer.hpp"

namespace lp::exporting {
namespace {

using namespace pdf;

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
    if (r.interest) interest_section(w, r, *r.interest);
    w.finish();
}

}  // namespace lp::exporting
