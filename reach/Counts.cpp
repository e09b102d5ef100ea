#include "reach/Counts.hpp"

namespace lp::reach {

void add_count(sqlite::Database& db, domain::LocalDate day, std::int64_t item, Kind kind) {
    db.prepare(
          "INSERT INTO reach_count (day, media_item_id, kind, count) VALUES (?1, ?2, ?3, 1) "
          "ON CONFLICT (day, media_item_id, kind) DO UPDATE SET count = count + 1")
        .bind(1, domain::iso_date_text(day))
        .bind(2, item)
        .bind(3, kind_code(kind))
        .run();
}

std::int64_t count_of(sqlite::Database& db, domain::LocalDate day, std::int64_t item, Kind kind) {
    auto st = db.prepare("SELECT count FROM reach_count WHERE day = ?1 AND media_item_id = ?2 AND kind = ?3");
    st.bind(1, domain::iso_date_text(day)).bind(2, item).bind(3, kind_code(kind));
    return st.step() ? st.integer(0) : 0;
}

}  // namespace lp::reach
