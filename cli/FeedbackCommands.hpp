#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong feedback list [--pending]`, `feedback add --channel … --date dd/mm/yyyy --item ID|--topic T
// [--rating N] [--comment …]`, `feedback approve ID`, `feedback reject ID` (issue 13): through
// loaphuongd's API (/api/feedback) when it runs, else on the database (then --by names who).
void add_feedback_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
