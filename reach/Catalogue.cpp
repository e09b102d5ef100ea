#include "reach/Catalogue.hpp"

#include <system_error>

namespace lp::reach {

std::vector<PublicItem> Catalogue::query(domain::TimePoint now, std::optional<std::int64_t> id) const {
    const auto since = now - std::chrono::weeks(weeks_);
    auto st = db_.prepare(R"sql(
SELECT m.id, m.title, m.topic, m.form, max(j.started_at), count(*), m.file, m.duration_ms
FROM journal j JOIN media_item m ON m.id = j.media_item_id
WHERE j.status IN ('playing', 'completed', 'interrupted') AND j.started_at >= ?1 AND j.started_at <= ?2
  AND m.retired_at IS NULL AND m.topic <> 'other' AND m.form <> 'am_nhac' AND (?3 IS NULL OR m.id = ?3)
GROUP BY m.id ORDER BY max(j.started_at) DESC, m.id DESC LIMIT 300)sql");
    st.bind(1, domain::to_utc_text(since)).bind(2, domain::to_utc_text(now)).bind(3, id);
    std::vector<PublicItem> out;
    while (st.step()) {
        PublicItem item;
        item.id = st.integer(0);
        item.title = st.text(1);
        item.topic = st.text(2);
        item.form = st.text(3);
        item.last_aired = domain::from_utc_text(st.text(4));
        item.airings = static_cast<int>(st.integer(5));
        item.file = st.text(6);
        item.duration_ms = st.optional_integer(7);
        std::error_code ec;
        const auto size = std::filesystem::file_size(item.file, ec);
        item.size_bytes = ec ? 0 : size;
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<PublicItem> Catalogue::recent(domain::TimePoint now) const { return query(now, std::nullopt); }

std::optional<PublicItem> Catalogue::find(std::int64_t id, domain::TimePoint now) const {
    auto found = query(now, id);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

}  // namespace lp::reach
