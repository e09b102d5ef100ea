#pragma once
// Applies JournalWriter's writes to the journal's tables (through JournalStore and
// PendingAirings, so every closed row is sealed as usual), each in one transaction, and
// resolves tickets to the rows they opened. Called on the loop thread only.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "db/sqlite/Database.hpp"
#include "journal/JournalStore.hpp"
#include "journal/PendingAirings.hpp"
#include "journal/WriteOp.hpp"

namespace lp::journal {

// Who applies a KeepLatest value, by key (e.g. the scheduler's marks). Runs inside the
// write's transaction.
using LatestAppliers = std::map<std::string, std::function<void(const std::string& value)>, std::less<>>;

class OpApplier {
public:
    OpApplier(sqlite::Database& db, LatestAppliers latest);

    struct Result {
        std::optional<std::int64_t> row;  // the row a begin or not-aired write made
        int missed = 0;                   // rows a MissPending write made
    };
    // Throws sqlite::Error when the database refuses it now; std::logic_error when it never can
    // (a ticket whose row is unknown, a row no longer open, a key nobody applies).
    Result apply(const WriteOp& op);
    // The row that an insert (begin, not aired) made above `after_row`, for a write that may
    // have landed without its landing being recorded (a crash just after the commit, a commit
    // that failed late). Nothing for other writes: they are idempotent or refuse a second time.
    std::optional<std::int64_t> landed_row(const WriteOp& op, std::int64_t after_row);

    void resolve(Ticket ticket, std::int64_t row) { rows_[ticket] = row; }
    void forget(Ticket ticket) { rows_.erase(ticket); }
    std::optional<std::int64_t> row_of(Ticket ticket) const;
    // Tickets whose row is known and may still be referred to (not finished).
    const std::map<Ticket, std::int64_t>& rows() const { return rows_; }

private:
    std::int64_t row(Ticket ticket) const;
    sqlite::Database& db_;
    JournalStore journal_;
    PendingAirings pending_;
    LatestAppliers latest_;
    std::map<Ticket, std::int64_t> rows_;
};

}  // namespace lp::journal
