#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong journal list`: the journal rows of a period with their ids (the ids that
// `journal correct` takes), filtered by status, topic and form; `--json` for scripts.
void add_journal_list_command(CLI::App& journal, Context& context);

}  // namespace lp::cli
