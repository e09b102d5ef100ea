#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong journal ...`: export, verify (exit 1 when the journal or a file does not check
// out), add-manual, correct.
void add_journal_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
