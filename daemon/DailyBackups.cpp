#include "daemon/DailyBackups.hpp"

#include "daemon/Logging.hpp"
#include "db/Backups.hpp"
#include "domain/Time.hpp"

namespace lp::daemon {

DailyBackups::DailyBackups(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config)
    : db_(db),
      config_(config),
      timer_(io, domain::zone(config.time_zone), config.backup.time_of_day, [this](auto now) { run_once(now); }) {}

void DailyBackups::start() {
    if (config_.backup.keep > 0) timer_.start();
}

std::optional<std::filesystem::path> DailyBackups::run_once(std::chrono::system_clock::time_point now) {
    try {
        auto file = db::rotated_backup(db_, config_.backup.dir, static_cast<std::size_t>(config_.backup.keep), now);
        logger("backup")->info("database backed up to {}", file.string());
        return file;
    } catch (const std::exception& e) {
        logger("backup")->error("backup into {} failed: {}", config_.backup.dir.string(), e.what());
        return std::nullopt;
    }
}

}  // namespace lp::daemon
