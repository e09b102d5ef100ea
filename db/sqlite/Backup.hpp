#pragma once
#include <filesystem>

#include "db/sqlite/Database.hpp"

struct sqlite3_backup;

namespace lp::sqlite {

// RAII around sqlite3_backup: copies `source` (online: writers wait only between steps) into
// `target`. Throws Error carrying SQLite's message.
class Backup {
public:
    Backup(Database& target, Database& source);
    ~Backup();
    Backup(const Backup&) = delete;
    Backup& operator=(const Backup&) = delete;

    // Copies up to `pages` pages (-1: all); true when the copy is complete.
    bool step(int pages);

private:
    Database& target_;
    sqlite3_backup* backup_ = nullptr;
};

}  // namespace lp::sqlite
