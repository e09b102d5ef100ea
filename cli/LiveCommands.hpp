#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong live start --source mic|URL --by NAME [--title T]` and `loaphuong live stop`:
// a live session through the running daemon's API (POST/DELETE /api/live). It cuts in like an
// emergency and the programme resumes after it. Only the daemon airs: without it, exit 4.
void add_live_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
