#pragma once
// Checks a signed exported file against the database (loaphuong journal verify --export): its
// signature by the box's key, then every row the file shows against the same report made again
// from the rows the database held at the file's checkpoint. Rows journaled after the checkpoint
// (a report handed in before its period ended) are counted as newer, not as a mismatch. The
// interest section is covered by the signature like every row, but its figures are compared with
// the database's figures of now and their changes reported as notes (interest_notes).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"
#include "evidence/ChainCheckpoints.hpp"
#include "evidence/RowDiff.hpp"

namespace lp::evidence {

struct ExportAgainstDb {
    std::optional<ExportSignature> signature;  // none: an unsigned file (export/ExportCheck.hpp checks it)
    std::vector<std::string> problems;         // Vietnamese, one per finding
    std::vector<RowDifference> differences;    // rows of the file against the database
    // The interest section's rows (evidence/InterestPart.hpp) that the database now gives
    // differently: measurements that may change after the report, named, not a mismatch.
    std::vector<std::string> interest_notes;
    bool file_matches_signature = false;  // the rows read back are the signed ones
    bool rows_read_back = false;          // the file's rows were read back and compared
    std::int64_t rows_then = 0;           // the period's rows at the checkpoint
    std::int64_t newer_rows = 0;          // the period's rows journaled after it
    bool ok() const { return signature && problems.empty() && differences.empty(); }
};

// Throws std::runtime_error naming the file when it cannot be read.
ExportAgainstDb check_export_against_db(sqlite::Database& db, const std::filesystem::path& file,
                                        const std::string& public_hex, const config::Organisation& organisation,
                                        const date::time_zone* tz);

}  // namespace lp::evidence
