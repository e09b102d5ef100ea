#pragma once
// Checks the journal's hash chain (journal/Seal.hpp) link by link and names the first row
// where it breaks.

#include <cstdint>
#include <optional>
#include <string>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"
#include "journal/JournalStore.hpp"

namespace lp::journal {

struct ChainBreak {
    enum class Kind {
        content_mismatch,  // the row's fields or place do not match its seal: edited, reordered or forged
        missing_link,      // a chain position is missing before this row: a row was deleted
        unsealed_row,      // a closed row that was never sealed: inserted behind loaphuong's back
        head_mismatch,     // the chain ends before the recorded head: the last rows were deleted
    };
    Kind kind;
    std::int64_t row_id = 0;     // the row where it breaks (0 for head_mismatch with no row)
    std::int64_t chain_seq = 0;  // the chain position expected there
};

// Pure: fed the sealed rows in chain order, finds the first broken link.
class ChainChecker {
public:
    // Checks the next row; returns the break it shows, if any (then stop feeding).
    std::optional<ChainBreak> next(const JournalRow& row);
    const ChainHead& last() const { return last_; }
    std::int64_t rows() const { return rows_; }

private:
    ChainHead last_{0, std::string(genesis())};
    std::int64_t rows_ = 0;
    static std::string_view genesis();
};

struct ChainReport {
    std::int64_t rows_checked = 0;
    ChainHead head;  // the last good link
    std::optional<ChainBreak> first_break;
    bool ok() const { return !first_break; }
};

// Walks the whole chain in the database (read only).
ChainReport verify_chain(sqlite::Database& db);

// Vietnamese, for the operator (`loaphuong journal verify`, GET /api/journal/verify): where the
// chain breaks and what that means.
std::string describe(const ChainBreak& b);

// The seal a given chain position holds in the database, if any (for checking exports).
std::optional<std::string> seal_at(sqlite::Database& db, std::int64_t chain_seq);

}  // namespace lp::journal
