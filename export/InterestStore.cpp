#include "export/InterestStore.hpp"

#include <set>

#include "domain/Vocabulary.hpp"
#include "export/Report.hpp"

namespace lp::exporting {
namespace {

void read_item_names(sqlite::Database& db, InterestFacts& facts, const std::set<std::int64_t>& ids) {
    auto item = db.prepare("SELECT title, form FROM media_item WHERE id = ?1");
    auto topics = db.prepare("SELECT topic FROM media_item_topic WHERE media_item_id = ?1 ORDER BY position");
    for (const auto id : ids) {
        item.reset();
        item.bind(1, id);
        if (!item.step()) continue;
        ItemFacts f{item.text(0), {}, item.text(1)};
        topics.reset();
        topics.bind(1, id);
        while (topics.step()) f.topics.push_back(topics.text(0));
        facts.items[id] = std::move(f);
    }
}

}  // namespace

InterestFacts read_interest_facts(sqlite::Database& db, const Period& period, const std::vector<ReportLine>& lines) {
    InterestFacts facts;
    const std::string first = domain::iso_date_text(period.first), last = domain::iso_date_text(period.last);
    std::set<std::int64_t> journal_ids, named;
    for (const auto& line : lines) journal_ids.insert(line.row.id);
    if (!journal_ids.empty()) {
        auto st = db.prepare(
            "SELECT journal_id, SUM(peak), SUM(mean) FROM airing_listeners WHERE journal_id BETWEEN ?1 AND ?2 "
            "GROUP BY journal_id");
        st.bind(1, *journal_ids.begin()).bind(2, *journal_ids.rbegin());
        while (st.step())
            if (journal_ids.count(st.integer(0))) facts.listeners[st.integer(0)] = {st.integer(1), st.real(2)};
    }
    auto counts = db.prepare(
        "SELECT media_item_id, kind, SUM(count) FROM reach_count WHERE day BETWEEN ?1 AND ?2 "
        "GROUP BY media_item_id, kind");
    counts.bind(1, first).bind(2, last);
    while (counts.step()) {
        const auto id = counts.integer(0);
        const auto kind = counts.text(1);
        const auto n = counts.integer(2);
        if (id == 0) {
            if (kind == "feed") facts.feed_fetches += n;
            if (kind == "qr") facts.page_qr += n;
            continue;
        }
        if (kind == "listen") facts.listens[id] += n;
        if (kind == "qr") facts.qr[id] += n;
        named.insert(id);
    }
    auto fb = db.prepare(
        "SELECT media_item_id, topic, channel, day, rating, comment FROM feedback "
        "WHERE status = 'approved' AND day BETWEEN ?1 AND ?2 ORDER BY day, id");
    fb.bind(1, first).bind(2, last);
    while (fb.step()) {
        FeedbackFact f;
        f.item = fb.optional_integer(0);
        f.topic = fb.optional_text(1).value_or("");
        f.channel = fb.text(2);
        f.day = domain::parse_date(fb.text(3)).value_or(period.first);
        if (const auto r = fb.optional_integer(4)) f.rating = static_cast<int>(*r);
        f.comment = fb.optional_text(5).value_or("");
        if (f.item) named.insert(*f.item);
        facts.feedback.push_back(std::move(f));
    }
    read_item_names(db, facts, named);
    return facts;
}

Interest load_interest(sqlite::Database& db, const Period& period, const std::vector<ReportLine>& lines) {
    return build_interest(lines, read_interest_facts(db, period, lines));
}

}  // namespace lp::exporting
