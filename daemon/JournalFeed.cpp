#include "daemon/JournalFeed.hpp"

namespace lp::daemon {

JournalFeed::JournalFeed(sqlite::Database& db) : db_(db) {
    auto st = db_.prepare("SELECT coalesce(max(id), 0) FROM journal");
    st.step();
    last_id_ = st.integer(0);
    auto playing = db_.prepare("SELECT id FROM journal WHERE status = 'playing'");
    while (playing.step()) open_.insert(playing.integer(0));
}

std::vector<std::int64_t> JournalFeed::changed() {
    std::set<std::int64_t> out;
    {
        auto status = db_.prepare("SELECT status FROM journal WHERE id = ?1");
        for (auto it = open_.begin(); it != open_.end();) {
            status.reset();
            status.bind(1, *it);
            if (!status.step() || status.text(0) != "playing") {
                out.insert(*it);
                it = open_.erase(it);
            } else {
                ++it;
            }
        }
    }
    auto added = db_.prepare("SELECT id, status FROM journal WHERE id > ?1 ORDER BY id");
    added.bind(1, last_id_);
    while (added.step()) {
        const auto id = added.integer(0);
        out.insert(id);
        last_id_ = id;
        if (added.text(1) == "playing") open_.insert(id);
    }
    return {out.begin(), out.end()};
}

}  // namespace lp::daemon
