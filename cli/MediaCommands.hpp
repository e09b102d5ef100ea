#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong media ...`: add, say, list, show, edit, retire, topics, forms.
// Exit status: 0 when every file was imported or already in the library (a duplicate is
// reported as the existing item, not an error); 2 when any file was rejected or an option
// was wrong (the other files are still imported, each all-or-nothing).
void add_media_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
