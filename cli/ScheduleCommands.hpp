#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong slot ...`, `oneoff ...`, `approve`, `schedule show`: the broadcast schedule.
// Every change is committed to the database and announced to the running daemon, which
// applies it at once (no restart).
void add_schedule_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
