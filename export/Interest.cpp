#include "export/Interest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "domain/FeedbackChannels.hpp"
#include "domain/Vocabulary.hpp"
#include "export/Report.hpp"

namespace lp::exporting {
namespace {

// Running sums behind one InterestFigures (the means are made at the end).
struct Sums {
    InterestFigures f;
    double mean_sum = 0;
    int rating_sum = 0;
    void airing(const journal::JournalRow& row, const InterestFacts& facts) {
        ++f.airings;
        f.airtime += row.played;
        if (const auto it = facts.listeners.find(row.id); it != facts.listeners.end()) {
            ++f.measured;
            f.peak = std::max(f.peak, it->second.peak);
            mean_sum += it->second.mean;
        }
    }
    void feedback(const FeedbackFact& fb) {
        ++f.feedback;
        if (fb.rating) {
            ++f.rated;
            rating_sum += *fb.rating;
        }
    }
    void add_counts(std::int64_t listens, std::int64_t qr) {
        f.listens += listens;
        f.qr += qr;
    }
    InterestFigures done() const {
        InterestFigures out = f;
        out.mean = f.measured ? mean_sum / f.measured : 0;
        out.rating = f.rated ? static_cast<double>(rating_sum) / f.rated : 0;
        return out;
    }
};

std::int64_t count_in(const std::map<std::int64_t, std::int64_t>& m, std::int64_t id) {
    const auto it = m.find(id);
    return it == m.end() ? 0 : it->second;
}

// Ranking order (Interest.hpp): score, then rating (unrated last), then fewer airings, then title.
bool ranks_before(const InterestItem& a, const InterestItem& b) {
    const auto& x = a.figures;
    const auto& y = b.figures;
    if (x.score() != y.score()) return x.score() > y.score();
    const double rx = x.rated ? x.rating : -1, ry = y.rated ? y.rating : -1;
    if (rx != ry) return rx > ry;
    if (x.airings != y.airings) return x.airings < y.airings;
    if (a.title != b.title) return a.title < b.title;
    return a.id < b.id;
}

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string minutes_text(std::chrono::milliseconds d) {
    return one_decimal(std::round(static_cast<double>(d.count()) / 6000.0) / 10.0);
}

// The figures' cells after the name: Lượt phát, Phút phát, Người nghe (cao nhất), Người nghe
// (trung bình), Nghe lại, Quét QR, Ý kiến, Điểm TB, Điểm quan tâm.
std::vector<std::string> figure_cells(const InterestFigures& f) {
    return {std::to_string(f.airings),
            minutes_text(f.airtime),
            f.measured ? std::to_string(f.peak) : "",
            f.measured ? one_decimal(f.mean) : "",
            std::to_string(f.listens),
            std::to_string(f.qr),
            std::to_string(f.feedback),
            f.rated ? one_decimal(f.rating) : "",
            std::to_string(f.score())};
}

std::vector<std::string> figure_headers(std::vector<std::string> first) {
    for (const char* h :
         {"Lượt phát", "Phút phát", "Người nghe trực tuyến (cao nhất)", "Người nghe trực tuyến (trung bình)",
          "Lượt nghe lại", "Lượt quét mã QR", "Số ý kiến", "Điểm đánh giá TB (1-5)", "Điểm quan tâm"})
        first.emplace_back(h);
    return first;
}

}  // namespace

bool reports_interest(const Period& p) {
    return p.kind == Period::Kind::quarter || p.kind == Period::Kind::half || p.kind == Period::Kind::year;
}

Interest build_interest(const std::vector<ReportLine>& lines, const InterestFacts& facts) {
    Interest in;
    in.feed_fetches = facts.feed_fetches;
    in.page_qr = facts.page_qr;

    std::map<std::int64_t, Sums> items;
    std::map<std::int64_t, ItemFacts> names = facts.items;
    std::map<std::string, Sums> topics;
    std::set<std::int64_t> aired;
    Sums total;
    for (const auto& line : lines) {
        const auto& row = line.row;
        if (!journal::reached_listeners(row.status)) continue;
        total.airing(row, facts);
        for (const auto& t : row.plan.topics) topics[t].airing(row, facts);
        if (!row.plan.media_item_id) continue;
        const auto id = *row.plan.media_item_id;
        items[id].airing(row, facts);
        aired.insert(id);
        names[id] = {row.plan.title, row.plan.topics, row.plan.form};  // the latest as aired
    }
    const auto topics_of = [&](std::int64_t id) {
        const auto it = names.find(id);
        return it == names.end() ? std::vector<std::string>{} : it->second.topics;
    };
    for (const auto& m : {&facts.listens, &facts.qr})
        for (const auto& [id, n] : *m) items[id];  // items heard or scanned without airing in the period
    for (auto& [id, s] : items) {
        const auto listens = count_in(facts.listens, id), qr = count_in(facts.qr, id);
        s.add_counts(listens, qr);
        total.add_counts(listens, qr);
        for (const auto& t : topics_of(id)) topics[t].add_counts(listens, qr);
    }
    for (const auto& fb : facts.feedback) {
        total.feedback(fb);
        if (fb.item) {
            items[*fb.item].feedback(fb);
            for (const auto& t : topics_of(*fb.item)) topics[t].feedback(fb);
        } else {
            topics[fb.topic].feedback(fb);
        }
    }

    for (const auto& [id, s] : items) {
        InterestItem item{id, {}, {}, {}, s.done()};
        if (const auto it = names.find(id); it != names.end()) {
            item.title = it->second.title;
            item.topics = it->second.topics;
            item.form = it->second.form;
        }
        in.items.push_back(std::move(item));
    }
    std::sort(in.items.begin(), in.items.end(), ranks_before);
    for (const auto& t : domain::topics())
        in.topics.push_back({std::string(t.code), std::string(t.label), topics[std::string(t.code)].done()});
    in.total = total.done();

    // Jingles are not content to advise on: they stay in the tables, out of the ranking.
    const auto ranked = [](const InterestItem& i) { return i.form != "am_nhac"; };
    for (const auto& item : in.items) {
        if (in.most.size() == 3 || item.figures.score() == 0) break;
        if (ranked(item)) in.most.push_back(item.id);
    }
    for (auto it = in.items.rbegin(); it != in.items.rend() && in.least.size() < 3; ++it)
        if (ranked(*it) && aired.count(it->id) && std::find(in.most.begin(), in.most.end(), it->id) == in.most.end())
            in.least.push_back(it->id);

    std::vector<const FeedbackFact*> said;
    for (const auto& fb : facts.feedback)
        if (!fb.comment.empty()) said.push_back(&fb);
    std::stable_sort(said.begin(), said.end(), [](const auto* a, const auto* b) { return a->day < b->day; });
    for (const auto* fb : said) {
        std::string about;
        if (fb->item) {
            const auto it = names.find(*fb->item);
            about = it == names.end() ? "#" + std::to_string(*fb->item) : it->second.title;
        } else {
            about = std::string(domain::topic_label(fb->topic));
        }
        in.comments.push_back({fb->day, fb->channel, std::move(about), fb->rating, fb->comment});
    }
    return in;
}

Table interest_topic_table(const Interest& in) {
    Table t{figure_headers({"STT", "Nội dung"}), {}};
    int n = 0;
    for (const auto& topic : in.topics) {
        auto cells = figure_cells(topic.figures);
        cells.insert(cells.begin(), {std::to_string(++n), topic.label});
        t.rows.push_back(std::move(cells));
    }
    auto cells = figure_cells(in.total);
    cells.insert(cells.begin(), {"", "Tổng cộng"});
    t.rows.push_back(std::move(cells));
    return t;
}

Table interest_item_table(const Interest& in) {
    Table t{figure_headers({"Hạng", "Tên tin, bài", "Nội dung"}), {}};
    int n = 0;
    for (const auto& item : in.items) {
        auto cells = figure_cells(item.figures);
        cells.insert(cells.begin(), {std::to_string(++n), item.title, domain::topic_labels(item.topics)});
        t.rows.push_back(std::move(cells));
    }
    return t;
}

Table interest_comment_table(const Interest& in) {
    Table t{{"STT", "Về tin, bài hoặc nội dung", "Kênh", "Ngày", "Điểm", "Ý kiến"}, {}};
    int n = 0;
    for (const auto& c : in.comments)
        t.rows.push_back({std::to_string(++n), c.about, std::string(domain::feedback_channel_label(c.channel)),
                          domain::display_date_text(c.day), c.rating ? std::to_string(*c.rating) : "", c.text});
    return t;
}

std::vector<std::string> interest_ranking_lines(const Interest& in) {
    const auto names = [&](const std::vector<std::int64_t>& ids) {
        std::string out;
        for (const auto id : ids)
            for (const auto& item : in.items)
                if (item.id == id)
                    out +=
                        (out.empty() ? "" : "; ") + item.title + " (" + std::to_string(item.figures.score()) + " điểm)";
        return out.empty() ? std::string("chưa có") : out;
    };
    return {"Tin, bài được quan tâm nhiều nhất: " + names(in.most) + ".",
            "Tin, bài ít được quan tâm nhất: " + names(in.least) + ".", interest_score_note};
}

std::string interest_totals_line(const Interest& in) {
    return "Nguồn tin podcast được tải " + std::to_string(in.feed_fetches) +
           " lần; mã QR của trang nghe lại được quét " + std::to_string(in.page_qr) + " lần.";
}

}  // namespace lp::exporting
