#pragma once
// One scheduled report, as a worker thread writes it: the period's rows read through a
// read-only connection of its own, the report's checkpoint recorded by the one writer (the
// loop, through `record`), then the evidence package and the signed files (its members)
// written into [reports] dir.

#include <filesystem>
#include <functional>

#include "config/Config.hpp"
#include "evidence/Checkpoint.hpp"
#include "export/ReportFiles.hpp"
#include "journal/JournalStore.hpp"

namespace lp::daemon {

// Records (and signs) the checkpoint of a report's chain head; called on the worker, returns
// once the loop has done it. Throws what recording threw.
using RecordCheckpoint = std::function<evidence::Checkpoint(const journal::ChainHead&)>;

// Returns the files written (the package last). Throws std::exception naming what failed (the
// database, the key, the folder, a file). `before_writing` (tests) runs once the report is
// read and its checkpoint recorded.
std::vector<std::filesystem::path> write_scheduled_report(const config::Config& config, const exporting::Period& period,
                                                          domain::LocalDate made_on, const RecordCheckpoint& record,
                                                          const std::function<void()>& before_writing = {});

}  // namespace lp::daemon
