#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `media topics|forms|list|show|edit|retire` under the `media` command.
void add_browse_commands(CLI::App& media, Context& context);

}  // namespace lp::cli
