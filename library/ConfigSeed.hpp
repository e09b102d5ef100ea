#pragma once
// The one rule for what the config file owns. Its [[slot]] section (slots and their items) is
// applied to the database only when its content changed since it was last applied; otherwise
// the database's slots, as the operator edited them with the CLI, are kept as they are.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::library {

// A config item that could not be imported; it is left out of its slot.
struct ConfigItemFailure {
    std::string slot;
    std::filesystem::path file;
    std::string reason;  // English, for the log: the file and the system's or FFmpeg's words
};

struct ConfigSeedResult {
    bool applied = false;  // false: this very section was applied before; nothing was touched
    std::size_t slots = 0;
    std::size_t imported = 0;  // new items
    std::size_t reused = 0;    // items whose bytes (SHA-256) were already in the library
    std::vector<ConfigItemFailure> failures;
};

// Applies config.slots when their fingerprint differs from the one recorded as applied
// (table config_applied): every item goes through the same import as `loaphuong media add`
// (probe, EBU R128 loudness, SHA-256, copy into media_dir; the same bytes already imported
// reuse that item), items nobody approved yet are approved by "tệp cấu hình", and each named
// slot is created or replaced. Slots the file no longer names are left alone. An item that
// fails to import is logged with the reason and left out (its slot airs the rest); the
// section still counts as applied. Logs what it did on `log`. Throws sqlite::Error.
ConfigSeedResult apply_config_slots(sqlite::Database& db, const config::Config& config, spdlog::logger& log);

// SHA-256 (hex) of a canonical encoding of the parsed slot section: comments, spacing and key
// order in the file do not change it; any value does.
std::string slots_fingerprint(const std::vector<config::SlotConfig>& slots);

}  // namespace lp::library
