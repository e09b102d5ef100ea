#pragma once
// Where signed checkpoints live: the journal_checkpoint table (migration 15) and a plain text
// file, one line each, that the administrator can keep on a second disk or copy to another
// machine ([reports] checkpoint_file).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "evidence/ChainCheckpoints.hpp"
#include "journal/JournalStore.hpp"

namespace lp::evidence {

// Signs the chain's head as it is now, stores the checkpoint and appends it to `file` (when
// not empty; created with its directories; fsync'ed). `reason`: "daily", "export", "manual".
// Throws std::runtime_error naming the file when it cannot be written (the row stays).
// `head`: the chain head to sign (an export's, read with its rows); default: the head now.
Checkpoint record_checkpoint(sqlite::Database& db, const KeyPair& key, const std::string& reason, domain::TimePoint now,
                             const std::filesystem::path& file,
                             const std::optional<journal::ChainHead>& head = std::nullopt);

// When the last checkpoint was made, if any.
std::optional<domain::TimePoint> last_checkpoint_time(sqlite::Database& db);

// The database's checkpoints; a line that no longer parses is returned with an empty key id
// (so it is reported, not dropped).
std::vector<KnownCheckpoint> stored_checkpoints(sqlite::Database& db);
// The file's checkpoints (none when it does not exist); throws std::runtime_error naming it
// when it cannot be read. `malformed`: lines that are not checkpoints.
std::vector<KnownCheckpoint> file_checkpoints(const std::filesystem::path& file, int* malformed = nullptr);

}  // namespace lp::evidence
