#include "journal/PendingAirings.hpp"

#include "domain/Time.hpp"
#include "journal/detail/RowReader.hpp"

namespace lp::journal {

PendingAirings::PendingAirings(sqlite::Database& db) : db_(db) {}

void PendingAirings::add(const std::string& programme, const std::vector<AiringPlan>& plans) {
    sqlite::Transaction tx(db_);
    auto st = db_.prepare(
        "INSERT OR REPLACE INTO pending_airing (programme, cue, scheduled_at, media_item_id, file, title, topic, form, "
        "slot) VALUES (?,?,?,?,?,?,?,?,?)");
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
            .bind(9, p.slot);
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

std::vector<AiringPlan> PendingAirings::take_where(const std::string& where, const std::string& programme) {
    sqlite::Transaction tx(db_);
    auto st = db_.prepare(
        "SELECT scheduled_at, media_item_id, file, title, topic, form, slot FROM pending_airing " + where +
        " ORDER BY scheduled_at, programme, cue");
    if (!programme.empty()) st.bind(1, programme);
    std::vector<AiringPlan> out;
    while (st.step())
        out.push_back({domain::from_utc_text(st.text(0)), st.optional_integer(1), st.text(2), st.text(3),
                       detail::topics_from_column(st.text(4)), st.text(5), st.text(6)});
    st.reset();
    auto del = db_.prepare("DELETE FROM pending_airing " + where);
    if (!programme.empty()) del.bind(1, programme);
    del.run();
    tx.commit();
    return out;
}

std::vector<AiringPlan> PendingAirings::take(const std::string& programme) {
    return take_where("WHERE programme = ?", programme);
}

std::vector<AiringPlan> PendingAirings::take_all() { return take_where("", ""); }

}  // namespace lp::journal
