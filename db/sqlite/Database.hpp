#pragma once
#include <filesystem>
#include <string_view>

#include "db/sqlite/Statement.hpp"

struct sqlite3;

namespace lp::sqlite {

// An open SQLite connection. Not thread-safe: the daemon uses it on the loop thread only.
class Database {
public:
    // Opens (creating if needed) the file. Throws Error naming the file.
    explicit Database(const std::filesystem::path& file);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Statement prepare(std::string_view sql);
    // Runs one or more statements without parameters (schema scripts, pragmas).
    void exec(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    int changes() const;
    sqlite3* handle() const { return db_; }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed before destruction.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace lp::sqlite
