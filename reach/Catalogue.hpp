#pragma once
// What the public side offers: the CCHC items (a plan heading, not music or jingles) the journal
// says reached listeners in the last N weeks, and not retired since. An item is found by the
// library's id alone; its file is the library's own path.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"

namespace lp::reach {

struct PublicItem {
    std::int64_t id = 0;
    std::string title;
    std::string topic;  // main plan heading code
    std::string form;
    domain::TimePoint last_aired;
    int airings = 0;  // in the window
    std::filesystem::path file;
    std::optional<std::int64_t> duration_ms;
    std::uint64_t size_bytes = 0;  // of the file as it is now (0 when it is gone)
};

class Catalogue {
public:
    Catalogue(sqlite::Database& db, int weeks);
    ~Catalogue();
    // Newest airing first; at most 300. Throws sqlite::Error.
    std::vector<PublicItem> recent(domain::TimePoint now) const;
    // nullopt: no such item, not CCHC, not aired in the window, or retired.
    std::optional<PublicItem> find(std::int64_t id, domain::TimePoint now) const;

private:
    sqlite::Database& db_;
    int weeks_;
    mutable std::optional<sqlite::Statement> find_;
    // The last item found: a listener's player asks for the same item at every Range request.
    // Kept while the database has not changed and the second is the same.
    struct Found {
        std::int64_t id = 0;
        std::int64_t second = 0;
        std::int64_t own_changes = 0;
        std::int64_t data_version = 0;
        std::optional<PublicItem> item;
    };
    mutable std::optional<sqlite::Statement> data_version_;
    mutable std::optional<Found> last_;
};

}  // namespace lp::reach
