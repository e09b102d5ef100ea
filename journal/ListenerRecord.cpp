#include "journal/ListenerRecord.hpp"

namespace lp::journal {

void save_listeners(sqlite::Database& db, std::int64_t row, const std::vector<ListenerFigure>& figures) {
    sqlite::Transaction tx(db);
    for (const auto& f : figures) {
        auto st = db.prepare(
            "INSERT OR REPLACE INTO airing_listeners (journal_id, output, peak, mean, samples) VALUES (?, ?, ?, ?, ?)");
        st.bind(1, row).bind(2, f.output).bind(3, static_cast<std::int64_t>(f.peak)).bind(4, f.mean);
        st.bind(5, static_cast<std::int64_t>(f.samples));
        st.step();
    }
    tx.commit();
}

std::vector<ListenerFigure> load_listeners(sqlite::Database& db, std::int64_t row) {
    auto st =
        db.prepare("SELECT output, peak, mean, samples FROM airing_listeners WHERE journal_id = ? ORDER BY output");
    st.bind(1, row);
    std::vector<ListenerFigure> out;
    while (st.step())
        out.push_back({st.text(0), static_cast<int>(st.integer(1)), st.real(2), static_cast<int>(st.integer(3))});
    return out;
}

}  // namespace lp::journal
