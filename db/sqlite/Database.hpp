#pragma once
#include <chrono>
#include <filesystem>
#include <string_view>

#include "db/sqlite/Statement.hpp"

struct sqlite3;

namespace lp::sqlite {

// An open SQLite connection. Not thread-safe: the daemon uses it on the loop thread only.
class Database {
public:
    enum class Access { read_write, read_only };
    // Opens (creating if needed) the file; read_only opens an existing file that no statement
    // on this connection can change. Throws Error naming the file.
    explicit Database(const std::filesystem::path& file, Access access = Access::read_write);
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
    // How long a statement waits for another connection's write lock before it fails with
    // SQLITE_BUSY (5 s from the constructor). The loop shortens it where blocking costs more
    // than failing (BusyTimeoutScope).
    void set_busy_timeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    std::chrono::milliseconds busy_timeout_{5000};
};

// A connection's busy timeout for a scope; the previous one is restored at destruction.
class BusyTimeoutScope {
public:
    BusyTimeoutScope(Database& db, std::chrono::milliseconds timeout);
    ~BusyTimeoutScope();
    BusyTimeoutScope(const BusyTimeoutScope&) = delete;
    BusyTimeoutScope& operator=(const BusyTimeoutScope&) = delete;

private:
    Database& db_;
    std::chrono::milliseconds previous_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed before destruction. Inside another
// transaction it is a savepoint of it, so that writes each atomic on their own can be made
// atomic together (the outer commit decides).
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool nested_;
    bool done_ = false;
};

}  // namespace lp::sqlite
