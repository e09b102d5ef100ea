#pragma once
// The box's evidence set-up from the configuration: its signing key ([reports] signing_key,
// made at first use) and where checkpoints are also appended ([reports] checkpoint_file).
// Used by the CLI's exports and reports and by the daemon's scheduled reports and daily
// checkpoint.

#include <filesystem>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"
#include "evidence/CheckpointStore.hpp"
#include "export/ReportFiles.hpp"

namespace lp::evidence {

struct Evidence {
    KeyPair key;
    std::filesystem::path checkpoint_file;

    // Reads (or makes) the key; throws std::runtime_error naming the key file.
    static Evidence from_config(const config::Config& config);

    // The checkpoint an export covers: the report's chain head, signed now, stored and appended.
    Checkpoint checkpoint_for(sqlite::Database& db, const exporting::Report& r, domain::TimePoint now) const;
    // The same for a chain head read elsewhere (a report read on a worker's connection).
    Checkpoint checkpoint_at(sqlite::Database& db, const journal::ChainHead& head, domain::TimePoint now) const;
    // Signs each format's file of `r` with `checkpoint` (for write_report_files).
    exporting::PrepareReport signer(const date::time_zone* tz, const Checkpoint& checkpoint) const;
    // Both, for write_period_report: the report's checkpoint recorded when it is read, its files signed.
    exporting::PrepareFor signing(sqlite::Database& db, const date::time_zone* tz) const;

    // The daemon's daily checkpoint: made when the last one is 23 hours old or more (or there is
    // none). Returns it when one was made.
    std::optional<Checkpoint> daily(sqlite::Database& db, domain::TimePoint now) const;
};

}  // namespace lp::evidence
