#include "daemon/Logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace lp::daemon {
namespace {
spdlog::sink_ptr shared_sink() {
    static auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    return sink;
}
}  // namespace

void setup_logging(std::string_view level) {
    const auto lvl = spdlog::level::from_str(std::string(level));
    if (lvl == spdlog::level::off && level != "off")
        throw std::invalid_argument("unknown log level \"" + std::string(level) + "\"");
    const bool under_journald = std::getenv("JOURNAL_STREAM") != nullptr;
    shared_sink()->set_pattern(under_journald ? "[%n] %v" : "%Y-%m-%d %H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("loaphuongd", shared_sink()));
    spdlog::set_level(lvl);
}

std::shared_ptr<spdlog::logger> logger(const std::string& component) {
    if (auto existing = spdlog::get(component)) return existing;
    auto l = std::make_shared<spdlog::logger>(component, shared_sink());
    l->set_level(spdlog::get_level());
    spdlog::register_logger(l);
    return l;
}

}  // namespace lp::daemon
