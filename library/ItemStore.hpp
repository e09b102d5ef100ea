#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "db/sqlite/Database.hpp"

namespace lp::library {

struct ItemFields {
    std::filesystem::path file;
    std::string title;
    std::string topic = "other";
    std::string form = "other";
};

// The media_item table. Called on the loop thread (or by the CLI) only.
class ItemStore {
public:
    explicit ItemStore(sqlite::Database& db);
    // The item for this file, created or updated to these fields. Returns its id.
    std::int64_t upsert(const ItemFields& item);

private:
    sqlite::Database& db_;
};

}  // namespace lp::library
