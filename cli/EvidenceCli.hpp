#pragma once
// The CLI's use of evidence/: the box's key from the configuration (with an operator's
// message), the chain checked against every signed checkpoint it knows, and
// `loaphuong verify-export`, which needs neither the database nor the daemon.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/Context.hpp"
#include "evidence/Evidence.hpp"

namespace lp::cli {

// Throws OperatorError naming the key file when it cannot be read or made.
evidence::Evidence evidence_of(const Context& context);

// Prints the chain against the checkpoints of the database, the checkpoint file and the given
// exports; false when a checkpoint shows a truncation, a rewrite or a bad signature.
bool print_checkpoint_check(sqlite::Database& db, const Context& context, const std::vector<std::string>& exports);

// Prints one signed export's check against the database; false when it does not match.
// Unsigned files go to the older check (export/ExportCheck.hpp).
bool print_export_check(sqlite::Database& db, const Context& context, const std::string& file);

void add_verify_export_command(CLI::App& app);

}  // namespace lp::cli
