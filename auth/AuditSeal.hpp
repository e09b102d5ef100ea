#pragma once
// The audit chain, pure: how a row is encoded and sealed (as the journal's, journal/Seal.hpp).
//   seal(n) = SHA-256( seal(n-1) || canonical(row n) ),   seal(0) = 64 × '0'
// canonical() covers the row's id and every field, so an edited, deleted or inserted row breaks
// the chain at that row.

#include <cstdint>
#include <string>
#include <string_view>

namespace lp::auth {

struct AuditRow {
    std::int64_t id = 0;  // its place in the chain: 1, 2, 3, ...
    std::string at;       // UTC text
    std::string account;
    std::string role;
    std::string action;   // "PATCH /api/accounts/{name}", "CLI user add"
    std::string object;   // "name=an", "id=3", ""
    std::string summary;  // JSON, without passwords or tokens
    std::string seal;
};

std::string audit_canonical(const AuditRow& row);
std::string audit_seal(std::string_view previous_seal, const AuditRow& row);

}  // namespace lp::auth
