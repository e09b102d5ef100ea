#include "journal/LiveRecord.hpp"

#include "domain/Time.hpp"

namespace lp::journal {

bool is_live_kind(std::string_view kind) { return kind == "tiep_song" || kind == "truc_tiep"; }

std::string_view live_kind_label(std::string_view kind) {
    return kind == "truc_tiep" ? "Trực tiếp" : kind == "tiep_song" ? "Tiếp sóng" : "";
}

void save_live(sqlite::Database& db, std::int64_t row, const LiveRecord& r) {
    sqlite::Transaction tx(db);
    auto live = db.prepare(
        "INSERT OR REPLACE INTO journal_live (journal_id, kind, source, planned_ms, relayed_ms, fallback) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    live.bind(1, row).bind(2, r.kind).bind(3, r.source).bind(4, static_cast<std::int64_t>(r.planned.count()));
    live.bind(5, static_cast<std::int64_t>(r.relayed.count())).bind(6, r.fallback);
    live.step();
    auto clear = db.prepare("DELETE FROM journal_dropout WHERE journal_id = ?");
    clear.bind(1, row);
    clear.step();
    for (const auto& d : r.dropouts) {
        auto st = db.prepare("INSERT INTO journal_dropout (journal_id, at, length_ms) VALUES (?, ?, ?)");
        st.bind(1, row).bind(2, domain::to_utc_text(d.at)).bind(3, static_cast<std::int64_t>(d.length.count()));
        st.step();
    }
    tx.commit();
}

std::optional<LiveRecord> load_live(sqlite::Database& db, std::int64_t row) {
    auto st =
        db.prepare("SELECT kind, source, planned_ms, relayed_ms, fallback FROM journal_live WHERE journal_id = ?");
    st.bind(1, row);
    if (!st.step()) return std::nullopt;
    LiveRecord r{st.text(0), st.text(1), Millis{st.integer(2)}, Millis{st.integer(3)}, st.text(4), {}};
    auto drops = db.prepare("SELECT at, length_ms FROM journal_dropout WHERE journal_id = ? ORDER BY at");
    drops.bind(1, row);
    while (drops.step()) r.dropouts.push_back({domain::from_utc_text(drops.text(0)), Millis{drops.integer(1)}});
    return r;
}

}  // namespace lp::journal
