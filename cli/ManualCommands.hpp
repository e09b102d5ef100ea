#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong journal add-manual ...` (a live reading, a relay) and `journal correct ID ...`.
void add_manual_commands(CLI::App& journal, Context& context);

}  // namespace lp::cli
