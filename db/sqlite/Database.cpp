#include "db/sqlite/Database.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

#include "db/sqlite/Error.hpp"

namespace lp::sqlite {

Database::Database(const std::filesystem::path& file, Access access) : file_(file) {
    const int mode = access == Access::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(file.c_str(), &db_, mode | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(file.string() + ": sqlite3_open_v2() failed: " + msg, rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Readers (the CLI exporting while the daemon writes) wait instead of failing at once.
    set_busy_timeout(busy_timeout_);
}

Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept
    : file_(std::move(other.file_)), db_(std::exchange(other.db_, nullptr)), busy_timeout_(other.busy_timeout_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        file_ = std::move(other.file_);
        db_ = std::exchange(other.db_, nullptr);
        busy_timeout_ = other.busy_timeout_;
    }
    return *this;
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw Error(file_.string() + ": " + msg, rc);
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

void Database::set_busy_timeout(std::chrono::milliseconds timeout) {
    sqlite3_busy_timeout(db_, static_cast<int>(timeout.count()));
    busy_timeout_ = timeout;
}

BusyTimeoutScope::BusyTimeoutScope(Database& db, std::chrono::milliseconds timeout)
    : db_(db), previous_(db.busy_timeout()) {
    db_.set_busy_timeout(timeout);
}

BusyTimeoutScope::~BusyTimeoutScope() { db_.set_busy_timeout(previous_); }

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    // ROLLBACK TO keeps the savepoint open; RELEASE then removes it (leaving the outer
    // transaction to decide).
    sqlite3_exec(db_.handle(), nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
}

}  // namespace lp::sqlite
