#pragma once
#include <cstdint>
#include <vector>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::scheduler {

// The slot and slot_item tables. For now the config file seeds them at start-up; later the
// CLI and the API edit them at run time.
class SlotStore {
public:
    explicit SlotStore(sqlite::Database& db);
    // Replaces the stored slots with the config's; item_ids[i][j] is the media_item id of
    // slots[i].items[j]. One transaction.
    void replace(const std::vector<config::SlotConfig>& slots,
                 const std::vector<std::vector<std::int64_t>>& item_ids);

private:
    sqlite::Database& db_;
};

}  // namespace lp::scheduler
