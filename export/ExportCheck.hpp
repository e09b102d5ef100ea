#pragma once
// Checks an exported file (any format) against the database: the chain verifies, the chain
// link the file names still holds the seal it states, and the period's rows are the same
// number with the same seals (digest) as when it was made.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "export/Report.hpp"
#include "journal/ChainVerifier.hpp"

namespace lp::exporting {

struct ExportCheck {
    std::optional<ChainStamp> stamp;  // none: the file carries no loaphuong marker
    journal::ChainReport chain;
    std::vector<std::string> problems;  // Vietnamese, one per finding; empty when it matches
    std::int64_t rows_now = 0;
    bool ok() const { return stamp && problems.empty(); }
};

// Throws std::runtime_error naming the file when it cannot be read.
ExportCheck check_export(sqlite::Database& db, const std::filesystem::path& file, const date::time_zone* tz);

}  // namespace lp::exporting
