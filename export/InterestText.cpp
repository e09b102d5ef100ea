#include "export/InterestText.hpp"

#include "domain/FeedbackChannels.hpp"
#include "domain/Vocabulary.hpp"
#include "export/Csv.hpp"
#include "export/Report.hpp"
#include "export/ReportFiles.hpp"

namespace lp::exporting {
namespace {

using nlohmann::json;

json figures(const InterestFigures& f) {
    return {{"airings", f.airings},
            {"airtime_s", static_cast<double>(f.airtime.count()) / 1000.0},
            {"listeners_measured", f.measured},
            {"listeners_peak", f.measured ? json(f.peak) : json(nullptr)},
            {"listeners_mean", f.measured ? json(f.mean) : json(nullptr)},
            {"listens", f.listens},
            {"qr_scans", f.qr},
            {"feedback", f.feedback},
            {"rated", f.rated},
            {"rating", f.rated ? json(f.rating) : json(nullptr)},
            {"score", f.score()}};
}

void table_rows(CsvWriter& csv, const Table& t) {
    csv.row(t.headers);
    for (const auto& row : t.rows) csv.row(row);
    csv.row({});
}

}  // namespace

json interest_json(const Interest& in) {
    json topics = json::array();
    for (const auto& t : in.topics) {
        json o = figures(t.figures);
        o["code"] = t.code;
        o["label"] = t.label;
        topics.push_back(std::move(o));
    }
    json items = json::array();
    for (const auto& i : in.items) {
        json o = figures(i.figures);
        o["id"] = i.id;
        o["title"] = i.title;
        o["topics"] = i.topics;
        o["form"] = i.form;
        items.push_back(std::move(o));
    }
    json comments = json::array();
    for (const auto& c : in.comments)
        comments.push_back({{"day", domain::iso_date_text(c.day)},
                            {"channel", c.channel},
                            {"channel_label", domain::feedback_channel_label(c.channel)},
                            {"about", c.about},
                            {"rating", c.rating ? json(*c.rating) : json(nullptr)},
                            {"text", c.text}});
    return {{"score_note", interest_score_note},
            {"by_topic", topics},
            {"items", items},
            {"total", figures(in.total)},
            {"most", in.most},
            {"least", in.least},
            {"comments", comments},
            {"feed_fetches", in.feed_fetches},
            {"page_qr", in.page_qr}};
}

std::string interest_csv(const Report& r, const Interest& in) {
    CsvWriter csv;
    csv.row({interest_heading});
    csv.row({r.period.words_with_dates()});
    csv.row({});
    table_rows(csv, interest_topic_table(in));
    table_rows(csv, interest_item_table(in));
    for (const auto& line : interest_ranking_lines(in)) csv.row({line});
    csv.row({interest_totals_line(in)});
    csv.row({});
    table_rows(csv, interest_comment_table(in));
    csv.row({r.stamp.marker()});
    if (!r.signature_line.empty()) csv.row({r.signature_line});
    return csv.text();
}

std::string interest_csv_name(const Report& r) { return report_stem(r) + "-quan-tam.csv"; }

}  // namespace lp::exporting
