#pragma once
// media approve / reject / revoke (and the older top-level `approve`): the approver's decision
// on an item, through loaphuongd when it runs.

#include <CLI/CLI.hpp>

#include "cli/Context.hpp"

namespace lp::cli {

void add_decision_commands(CLI::App& media, Context& context);
// `loaphuong approve ITEM --by NAME`, kept for scripts written before `media approve`.
void add_approve_command(CLI::App& app, Context& context);

}  // namespace lp::cli
