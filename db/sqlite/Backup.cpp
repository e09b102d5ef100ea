#include "db/sqlite/Backup.hpp"

#include <sqlite3.h>

#include "db/sqlite/Error.hpp"

namespace lp::sqlite {

Backup::Backup(Database& target, Database& source)
    : target_(target), backup_(sqlite3_backup_init(target.handle(), "main", source.handle(), "main")) {
    if (!backup_)
        throw Error(target.file().string() + ": sqlite3_backup_init() failed: " + sqlite3_errmsg(target.handle()),
                    sqlite3_errcode(target.handle()));
}

Backup::~Backup() { sqlite3_backup_finish(backup_); }

bool Backup::step(int pages) {
    const int rc = sqlite3_backup_step(backup_, pages);
    if (rc == SQLITE_DONE) return true;
    if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return false;
    throw Error(target_.file().string() + ": sqlite3_backup_step() failed: " + sqlite3_errstr(rc), rc);
}

}  // namespace lp::sqlite
