#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong journal ...`: export, verify, add-manual, correct. `exit_code` is set by commands
// whose outcome is not an error but a finding (verify: 1 when the journal does not check out).
void add_journal_commands(CLI::App& app, Context& context, int& exit_code);

}  // namespace lp::cli
