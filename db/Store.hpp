#pragma once
#include <filesystem>

#include "db/sqlite/Database.hpp"

namespace lp::db {

// The newest schema version this build knows.
int latest_schema_version();

// Reads PRAGMA user_version.
int schema_version(sqlite::Database& db);

// Applies the migrations above the database's version, up to `target`, each in its own
// transaction. Throws when the file is newer than this build (a downgrade would lose data).
void migrate(sqlite::Database& db, int target);

// Opens the daemon's database: creates the folder and file if needed, sets WAL mode and
// synchronous=FULL and reads both back (a build may default WAL to NORMAL), turns on foreign
// keys, and migrates to the latest schema. Throws sqlite::Error naming the file.
sqlite::Database open_store(const std::filesystem::path& file);

// A read-only connection to the daemon's (existing, migrated) database, for work off the loop
// thread (scheduled reports): it reads while the loop writes (WAL) and cannot write.
// Throws sqlite::Error naming the file.
sqlite::Database open_reader(const std::filesystem::path& file);

// The flag file next to the database that the CLI touches after it changes the schedule
// (slots, programmes, one-offs, approvals) and that the daemon watches: "<database>.reload".
std::filesystem::path reload_flag_for(const std::filesystem::path& database);
// The daemon's status, written atomically next to the database while it runs (removed at a
// clean stop) and read by `loaphuong status`: "<database>.status.json".
std::filesystem::path status_file_for(const std::filesystem::path& database);
// Touches that flag. Throws std::system_error naming the file.
void announce_schedule_change(const std::filesystem::path& database);

}  // namespace lp::db
