#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong media add-source`: a live source (tiếp sóng / trực tiếp) as a library item that
// slots and one-offs air like a recording. Exit status 2 with a Vietnamese message naming
// the option when the address, length, kind, topic, form or fallback is wrong.
void add_source_command(CLI::App& media, Context& context);

}  // namespace lp::cli
