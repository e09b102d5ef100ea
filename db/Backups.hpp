#pragma once
// Online backups of the daemon's database and their rotation.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"

namespace lp::db {

// Copies the open database into `file` with SQLite's backup API while others keep writing,
// through a temporary file renamed into place; checks the copy with PRAGMA integrity_check.
// Throws sqlite::Error or std::runtime_error naming the file.
void backup_to(sqlite::Database& db, const std::filesystem::path& file);

// "loaphuong-20260305-023000.db" for a UTC instant (sorts by time).
std::string backup_name(std::chrono::system_clock::time_point at);
// Of the backup_name() files in a listing, those to delete to keep the newest `keep`. Pure.
std::vector<std::string> backups_to_remove(std::vector<std::string> names, std::size_t keep);

// Writes dir/backup_name(at), then removes the oldest beyond `keep`. Returns the new file.
std::filesystem::path rotated_backup(sqlite::Database& db, const std::filesystem::path& dir, std::size_t keep,
                                     std::chrono::system_clock::time_point at);

}  // namespace lp::db
