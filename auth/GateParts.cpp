#include "auth/GateParts.hpp"

#include "auth/AuditLog.hpp"
#include "db/Store.hpp"

namespace lp::auth {

LockedDatabase::LockedDatabase(const std::filesystem::path& file) : db_(db::open_store(file)) {}

GateParts::GateParts(const std::filesystem::path& database, bool secure, Clock c)
    : secure_cookie(secure),
      clock(std::move(c)),
      reads(database),
      writes(database),
      queue_db(database),
      sessions(clock),
      limiter(clock) {}

std::string GateParts::session_cookie(const std::string& value) const {
    return "lp_session=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure_cookie ? "; Secure" : "");
}

std::string GateParts::expired_cookie() const {
    return "lp_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + std::string(secure_cookie ? "; Secure" : "");
}

void GateParts::audit(AuditRow row) {
    queue.push([this, row = std::move(row)] { queue_db.with([&](sqlite::Database& db) { append_audit(db, row); }); });
}

}  // namespace lp::auth
