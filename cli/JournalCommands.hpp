#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong journal ...`: export (more to come: verify, manual entries).
void add_journal_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
