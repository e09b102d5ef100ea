#include "reach/Catalogue.hpp"

#include <sqlite3.h>

#include <system_error>

namespace lp::reach {

namespace {

// An item aired (or airing) in the window, of a plan heading, not retired.
constexpr const char* aired_items = R"sql(
SELECT m.id, m.title, m.topic, m.form, max(j.started_at), count(*), m.file, m.duration_ms
FROM journal j JOIN media_item m ON m.id = j.media_item_id
WHERE j.status IN ('playing', 'completed', 'interrupted') AND j.started_at >= ?1 AND j.started_at <= ?2
  AND m.retired_at IS NULL AND m.topic <> 'other' AND m.form <> 'am_nhac')sql";

PublicItem read_item(const sqlite::Statement& st) {
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
    return item;
}

}  // namespace

Catalogue::Catalogue(sqlite::Database& db, int weeks) : db_(db), weeks_(weeks) {}
Catalogue::~Catalogue() = default;

std::vector<PublicItem> Catalogue::recent(domain::TimePoint now) const {
    auto st =
        db_.prepare(std::string(aired_items) + " GROUP BY m.id ORDER BY max(j.started_at) DESC, m.id DESC LIMIT 300");
    st.bind(1, domain::to_utc_text(now - std::chrono::weeks(weeks_))).bind(2, domain::to_utc_text(now));
    std::vector<PublicItem> out;
    while (st.step()) out.push_back(read_item(st));
    return out;
}

std::optional<PublicItem> Catalogue::find(std::int64_t id, domain::TimePoint now) const {
    if (!data_version_) data_version_.emplace(db_.prepare("PRAGMA data_version"));
    data_version_->reset();
    data_version_->step();
    const Found key{id, std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count(),
                    sqlite3_total_changes64(db_.handle()), data_version_->integer(0), std::nullopt};
    data_version_->reset();
    if (last_ && last_->id == key.id && last_->second == key.second && last_->own_changes == key.own_changes &&
        last_->data_version == key.data_version)
        return last_->item;
    // Asked at every Range request of every listener: prepared once, and by the item's own
    // journal rows (index journal_by_item), not by a scan of the window.
    if (!find_) find_.emplace(db_.prepare(std::string(aired_items) + " AND j.media_item_id = ?3 GROUP BY m.id"));
    auto& st = *find_;
    st.reset();
    st.bind(1, domain::to_utc_text(now - std::chrono::weeks(weeks_))).bind(2, domain::to_utc_text(now)).bind(3, id);
    std::optional<PublicItem> found;
    if (st.step()) found = read_item(st);
    st.reset();
    last_ = key;
    last_->item = found;
    return found;
}

}  // namespace lp::reach
