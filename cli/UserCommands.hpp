#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong user add|list|passwd|disable|enable|remove` and `loaphuong token add|list|remove`:
// the accounts of the HTTP API, managed on the box (the first admin is made here). Every change
// is recorded in the sealed audit chain as "cli:<system user>".
void add_user_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
