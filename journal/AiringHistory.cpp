#include "journal/AiringHistory.hpp"

#include "domain/Time.hpp"

namespace lp::journal {

AiringTimes airing_times_since(sqlite::Database& db, TimePoint since) {
    AiringTimes times;
    auto st = db.prepare(
        "SELECT media_item_id, started_at FROM journal WHERE media_item_id IS NOT NULL AND corrects IS NULL "
        "AND started_at >= ? AND status IN ('playing', 'completed', 'interrupted') ORDER BY started_at, id");
    st.bind(1, domain::to_utc_text(since));
    while (st.step()) times[st.integer(0)].push_back(domain::from_utc_text(st.text(1)));
    return times;
}

}  // namespace lp::journal
