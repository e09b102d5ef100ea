#include "library/ItemStore.hpp"

namespace lp::library {

ItemStore::ItemStore(sqlite::Database& db) : db_(db) {}

std::int64_t ItemStore::upsert(const ItemFields& item) {
    auto st = db_.prepare(
        "INSERT INTO media_item (file, title, topic, form) VALUES (?,?,?,?) "
        "ON CONFLICT(file) DO UPDATE SET title = excluded.title, topic = excluded.topic, "
        "form = excluded.form RETURNING id");
    st.bind(1, item.file.string()).bind(2, item.title).bind(3, item.topic).bind(4, item.form);
    st.step();
    const auto id = st.integer(0);
    st.reset();
    return id;
}

}  // namespace lp::library
