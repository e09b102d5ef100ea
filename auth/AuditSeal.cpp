#include "auth/AuditSeal.hpp"

#include "journal/Sha256.hpp"

namespace lp::auth {

std::string audit_canonical(const AuditRow& r) {
    std::string out;
    const auto field = [&out](std::string_view s) {
        out += std::to_string(s.size());
        out += ':';
        out += s;
        out += ',';
    };
    field("loaphuong-audit-v1");
    field(std::to_string(r.id));
    field(r.at);
    field(r.account);
    field(r.role);
    field(r.action);
    field(r.object);
    field(r.summary);
    return out;
}

std::string audit_seal(std::string_view previous_seal, const AuditRow& row) {
    journal::Sha256 h;
    h.update(previous_seal);
    h.update(audit_canonical(row));
    return h.hex_digest();
}

}  // namespace lp::auth
