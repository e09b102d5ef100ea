#pragma once
// `loaphuong status`: what the daemon is doing, from the status file it keeps next to the
// database (db::status_file_for; later possibly GET /api/status). Exit status: 0 all well,
// 1 an alarm is raised or the daemon says it is degraded, 3 the daemon is not running (no
// file, its process gone, or the file not refreshed for 90 s).

#include <CLI/CLI.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/Context.hpp"

namespace lp::cli {

inline constexpr int exit_status_alarm = 1;
inline constexpr int exit_status_not_running = 3;

struct StatusReport {
    std::string text;  // Vietnamese, for the operator
    int exit_code = 0;
};

// Pure: the report for a status file's content, `running` = its process is alive, at `now`.
StatusReport status_report(const nlohmann::json& status, bool running, std::chrono::system_clock::time_point now);

void add_status_command(CLI::App& app, Context& context);

}  // namespace lp::cli
