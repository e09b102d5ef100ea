#include "cli/DaemonLink.hpp"

#include <signal.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <fstream>

#include "cli/TokenFile.hpp"
#include "db/Store.hpp"

namespace lp::cli {

bool daemon_running(const config::Config& config) {
    std::ifstream in(db::status_file_for(config.database));
    if (!in) return false;
    const auto status = nlohmann::json::parse(in, nullptr, false);
    if (!status.is_object()) return false;
    const auto& pid = status["pid"];
    if (!pid.is_number_integer() || pid.get<long>() <= 0) return false;
    return ::kill(static_cast<pid_t>(pid.get<long>()), 0) == 0 || errno == EPERM;
}

std::optional<ApiClient> daemon_api(const config::Config& config) {
    if (!config.http.enabled || !daemon_running(config)) return std::nullopt;
    return ApiClient({config.http.host, static_cast<std::uint16_t>(config.http.port), config.http.tls_cert},
                     read_token_file(config.http.cli_token_file));
}

}  // namespace lp::cli
