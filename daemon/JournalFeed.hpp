#pragma once
// Which journal rows changed since the last look: rows added (by the daemon, the API or the
// CLI) and rows that were still playing then. The web page's live journal (`journal` events)
// is fed from it. Loop thread; reads only.

#include <cstdint>
#include <set>
#include <vector>

#include "db/sqlite/Database.hpp"

namespace lp::daemon {

class JournalFeed {
public:
    // Starts after the rows the database holds now.
    explicit JournalFeed(sqlite::Database& db);

    // Ids of rows added or changed since the last call, oldest first.
    std::vector<std::int64_t> changed();

private:
    sqlite::Database& db_;
    std::int64_t last_id_ = 0;
    // Rows seen playing, with their status then: they change when the airing ends.
    std::set<std::int64_t> open_;
};

}  // namespace lp::daemon
