#include "db/sqlite/Error.hpp"

#include <sqlite3.h>

namespace lp::sqlite {

Error::Error(const std::string& what, int code) : std::runtime_error(what), code_(code) {}

void check(sqlite3* db, int rc, const std::string& what) {
    if (rc == SQLITE_OK) return;
    const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(what + ": " + msg, rc);
}

}  // namespace lp::sqlite
