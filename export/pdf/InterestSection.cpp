#include "export/pdf/InterestSection.hpp"

namespace lp::exporting::pdf {
namespace {

// Room for the heading, a table's header and its first rows: never a header alone at a page's foot.
void subheading(Writer& w, const std::string& text) {
    w.ensure(110);
    w.at += 8;
    w.at += w.text(left_edge, w.at, right_edge - left_edge, text, {12.5, true, false, Align::left}) + 4;
}

void paragraph(Writer& w, const std::string& text, bool italic) {
    const Layout l = w.layout(right_edge - left_edge, text, {11, false, italic, Align::left});
    w.ensure(Writer::height(l) + 2);
    w.show(l, left_edge, w.at);
    w.at += Writer::height(l) + 2;
}

}  // namespace

void interest_section(Writer& w, const Report& r, const Interest& in) {
    w.new_page();
    w.at += w.text(left_edge, w.at, right_edge - left_edge, interest_heading, {14, true, false, Align::center});
    w.at +=
        w.text(left_edge, w.at, right_edge - left_edge, r.period.words_with_dates(), {13, false, true, Align::center});
    w.at += 6;
    const auto C = Align::center, L = Align::left;
    const std::vector<double> figures{7, 7, 9, 9, 8, 8, 7, 8, 8};
    const auto with = [&](std::vector<double> first) {
        first.insert(first.end(), figures.begin(), figures.end());
        return first;
    };
    const auto aligned = [&](std::vector<Align> first) {
        first.insert(first.end(), figures.size(), C);
        return first;
    };
    subheading(w, "1. Theo nội dung tuyên truyền");
    table(w, interest_topic_table(in), with({5, 40}), aligned({C, L}), true, 9);
    subheading(w, "2. Theo tin, bài (xếp theo điểm quan tâm)");
    table(w, interest_item_table(in), with({5, 26, 16}), aligned({C, L, L}), false, 9);
    w.at += 4;
    for (const auto& line : interest_ranking_lines(in)) paragraph(w, line, false);
    paragraph(w, interest_totals_line(in), true);
    subheading(w, "3. Ý kiến của người dân (đã duyệt)");
    if (in.comments.empty())
        paragraph(w, "Chưa có ý kiến nào trong kỳ.", true);
    else
        table(w, interest_comment_table(in), {4, 26, 14, 10, 6, 60}, {C, L, L, C, C, L}, false, 9.5);
}

}  // namespace lp::exporting::pdf
