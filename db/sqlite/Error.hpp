#pragma once
#include <stdexcept>
#include <string>

struct sqlite3;

namespace lp::sqlite {

// A SQLite failure; what() reads "<what>: <sqlite3_errmsg text>".
class Error : public std::runtime_error {
public:
    Error(const std::string& what, int code);
    int code() const noexcept { return code_; }

private:
    int code_;
};

// Throws Error when `rc` is not SQLITE_OK; `what` says what was being done.
void check(sqlite3* db, int rc, const std::string& what);

}  // namespace lp::sqlite
