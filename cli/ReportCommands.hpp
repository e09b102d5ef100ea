#pragma once
#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

// `loaphuong report --quarter 2026Q1` (files into the reports folder) and `loaphuong backup FILE`.
void add_report_commands(CLI::App& app, Context& context);

}  // namespace lp::cli
