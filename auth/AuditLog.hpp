#pragma once
// The audit table: append a sealed row; walk the chain and name the first row that breaks it.

#include <cstdint>
#include <optional>
#include <string>

#include "auth/AuditSeal.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::auth {

// Appends `row` (its id and seal are set here) in one transaction: reads the head, seals,
// inserts, moves the head. Safe against other processes writing (BEGIN IMMEDIATE). Returns the
// row as stored.
AuditRow append_audit(sqlite::Database& db, AuditRow row);

struct AuditBreak {
    enum class Kind {
        content_mismatch,  // the row does not match its seal: edited
        missing_row,       // the row before this one is gone: deleted
        head_mismatch,     // the chain ends before the recorded head: the newest rows were deleted
    };
    Kind kind;
    std::int64_t row_id = 0;  // where it breaks (the expected id for missing_row and head_mismatch)
};

struct AuditReport {
    std::int64_t rows_checked = 0;
    std::string last_seal;
    std::optional<AuditBreak> first_break;
    bool ok() const { return !first_break; }
};

AuditReport verify_audit(sqlite::Database& db);

// Vietnamese, for `loaphuong journal verify`.
std::string describe(const AuditBreak& b);

}  // namespace lp::auth
