#include "scheduler/SlotStore.hpp"

#include <string>

#include "domain/Time.hpp"

namespace lp::scheduler {
namespace {

std::string start_text(const config::SlotConfig& s) {
    if (s.relative_start) return "+" + std::to_string(s.relative_start->count()) + "s";
    return domain::duration_text(s.start_of_day);  // "05:30:00"
}

template <typename Range, typename Fn>
std::string join(const Range& values, Fn&& fn) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ",") + fn(v);
    return out;
}

}  // namespace

SlotStore::SlotStore(sqlite::Database& db) : db_(db) {}

void SlotStore::replace(const std::vector<config::SlotConfig>& slots,
                        const std::vector<std::vector<std::int64_t>>& item_ids) {
    sqlite::Transaction tx(db_);
    db_.exec("DELETE FROM slot_item; DELETE FROM slot;");
    auto slot = db_.prepare(
        "INSERT INTO slot (name, days, start_time, max_length_s, outputs) VALUES (?,?,?,?,?)");
    auto item = db_.prepare("INSERT INTO slot_item (slot_id, position, media_item_id) VALUES (?,?,?)");
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const auto& s = slots[i];
        slot.bind(1, s.name)
            .bind(2, join(s.days, [](unsigned d) { return std::to_string(d); }))
            .bind(3, start_text(s))
            .bind(4, static_cast<std::int64_t>(s.max_length.count()))
            .bind(5, join(s.outputs, [](const std::string& o) { return o; }));
        slot.run();
        const auto slot_id = db_.last_insert_rowid();
        for (std::size_t j = 0; j < item_ids.at(i).size(); ++j) {
            item.bind(1, slot_id).bind(2, static_cast<std::int64_t>(j)).bind(3, item_ids[i][j]);
            item.run();
        }
    }
    tx.commit();
}

}  // namespace lp::scheduler
