#include "db/Store.hpp"

#include <cerrno>
#include <fstream>
#include <string>
#include <system_error>

#include "db/sqlite/Error.hpp"

namespace lp::db {
namespace {

std::string pragma_text(sqlite::Database& db, const char* sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.text(0);
}

}  // namespace

sqlite::Database open_store(const std::filesystem::path& file) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    sqlite::Database db(file);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA foreign_keys = ON");
    // The journal's durability rests on these two; check them rather than trust the build.
    if (pragma_text(db, "PRAGMA journal_mode") != "wal")
        throw sqlite::Error(file.string() + ": could not switch the database to WAL mode", 0);
    if (pragma_text(db, "PRAGMA synchronous") != "2")
        throw sqlite::Error(file.string() + ": could not set synchronous=FULL", 0);
    migrate(db, latest_schema_version());
    return db;
}

sqlite::Database open_reader(const std::filesystem::path& file) {
    sqlite::Database db(file, sqlite::Database::Access::read_only);
    if (schema_version(db) != latest_schema_version())
        throw sqlite::Error(file.string() + ": schema version " + std::to_string(schema_version(db)) +
                                ", this build reads " + std::to_string(latest_schema_version()),
                            0);
    return db;
}

std::filesystem::path reload_flag_for(const std::filesystem::path& database) {
    return std::filesystem::path(database.string() + ".reload");
}

std::filesystem::path status_file_for(const std::filesystem::path& database) {
    return std::filesystem::path(database.string() + ".status.json");
}

void announce_schedule_change(const std::filesystem::path& database) {
    const auto flag = reload_flag_for(database);
    std::ofstream out(flag, std::ios::trunc);
    out << "schedule changed\n";
    out.close();
    if (!out) throw std::system_error(errno, std::generic_category(), "cannot write " + flag.string());
}

}  // namespace lp::db
