#pragma once
// Whether loaphuongd runs, and the way to its API when it does: state-changing commands go
// through the daemon (one writer) and write the database themselves only when it does not run.

#include <optional>

#include "cli/ApiClient.hpp"
#include "config/Config.hpp"

namespace lp::cli {

// True when the daemon's status file (<database>.status.json) names a live process.
bool daemon_running(const config::Config& config);

// The running daemon's API, with the token of [http] cli_token_file; nullopt when the daemon
// does not run, or runs without [http] (it then reads changes from the database, as before).
// Throws DaemonLinkError when the daemon runs but the token file is missing, unreadable or
// readable by every user.
std::optional<ApiClient> daemon_api(const config::Config& config);

}  // namespace lp::cli
