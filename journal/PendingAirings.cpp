#include "journal/PendingAirings.hpp"

#include <algorithm>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"
#include "journal/detail/RowReader.hpp"

namespace lp::journal {

PendingAirings::PendingAirings(sqlite::Database& db) : db_(db) {}

void PendingAirings::add(const std::string& programme, const std::vector<AiringPlan>& plans,
                         const std::vector<std::string>& outputs) {
    sqlite::Transaction tx(db_);
    auto st = db_.prepare(
        "INSERT OR REPLACE INTO pending_airing (programme, cue, scheduled_at, media_item_id, file, title, topic, form, "
        "slot, outputs, one_off) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& p = plans[i];
        st.bind(1, programme)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, domain::to_utc_text(p.scheduled_at))
            .bind(4, p.media_item_id)
            .bind(5, p.file)
            .bind(6, p.title)
            .bind(7, detail::topics_column(p.topics))
            .bind(8, p.form)
            .bind(9, p.slot)
            .bind(10, domain::join_commas(outputs))
            .bind(11, p.one_off);
        st.run();
    }
    tx.commit();
}

void PendingAirings::remove(const std::string& programme, std::size_t cue) {
    db_.prepare("DELETE FROM pending_airing WHERE programme = ? AND cue = ?")
        .bind(1, programme)
        .bind(2, static_cast<std::int64_t>(cue))
        .run();
}

void PendingAirings::hand_on(const std::string& from_programme, std::size_t from_cue, const std::string& to_programme) {
    sqlite::Transaction tx(db_);
    db_.prepare(
           "UPDATE pending_airing SET programme = ?1, cue = cue - ?3, journal_id = NULL "
           "WHERE programme = ?2 AND cue >= ?3")
        .bind(1, to_programme)
        .bind(2, from_programme)
        .bind(3, static_cast<std::int64_t>(from_cue))
        .run();
    db_.prepare("DELETE FROM pending_airing WHERE programme = ?").bind(1, from_programme).run();
    tx.commit();
}

void PendingAirings::move_all(const std::string& from_programme, const std::string& to_programme) {
    sqlite::Transaction tx(db_);
    std::vector<std::int64_t> cues;
    auto list = db_.prepare("SELECT cue FROM pending_airing WHERE programme = ? ORDER BY cue");
    list.bind(1, from_programme);
    while (list.step()) cues.push_back(list.integer(0));
    // Negative numbers first, so that no two rows ever share a key while renumbering.
    auto rename = db_.prepare(
        "UPDATE pending_airing SET programme = ?, cue = ?, journal_id = NULL WHERE programme = ? AND cue = ?");
    for (std::size_t i = 0; i < cues.size(); ++i) {
        rename.bind(1, to_programme)
            .bind(2, -1 - static_cast<std::int64_t>(i))
            .bind(3, from_programme)
            .bind(4, cues[i]);
        rename.run();
    }
    db_.prepare("UPDATE pending_airing SET cue = -1 - cue WHERE programme = ? AND cue < 0").bind(1, to_programme).run();
    tx.commit();
}

std::vector<Leftover> PendingAirings::select(const std::string& where, const std::string& programme) {
    auto st = db_.prepare(
        "SELECT programme, cue, scheduled_at, media_item_id, file, title, topic, form, slot, outputs, journal_id, "
        "one_off FROM pending_airing " +
        where + " ORDER BY one_off IS NULL, scheduled_at, programme, cue");
    if (!programme.empty()) st.bind(1, programme);
    std::vector<Leftover> out;
    while (st.step()) {
        Leftover l;
        l.key = {st.text(0), static_cast<std::size_t>(st.integer(1))};
        l.plan.scheduled_at = domain::from_utc_text(st.text(2));
        l.plan.media_item_id = st.optional_integer(3);
        l.plan.file = st.text(4);
        l.plan.title = st.text(5);
        l.plan.topics = detail::topics_from_column(st.text(6));
        l.plan.form = st.text(7);
        l.plan.slot = st.text(8);
        l.outputs = domain::split_commas(st.text(9));
        l.journal_id = st.optional_integer(10);
        l.plan.one_off = st.optional_integer(11);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<Leftover> PendingAirings::take_where(const std::string& where, const std::string& programme) {
    sqlite::Transaction tx(db_);
    auto out = select(where, programme);
    auto del = db_.prepare("DELETE FROM pending_airing " + where);
    if (!programme.empty()) del.bind(1, programme);
    del.run();
    tx.commit();
    return out;
}

std::vector<Leftover> PendingAirings::take(const std::string& programme) {
    auto out = take_where("WHERE programme = ?", programme);
    std::ranges::sort(out, [](const Leftover& a, const Leftover& b) { return a.key.cue < b.key.cue; });
    return out;
}

std::vector<Leftover> PendingAirings::take_all() { return take_where("", ""); }

std::vector<Leftover> PendingAirings::all() { return select("", ""); }

}  // namespace lp::journal
