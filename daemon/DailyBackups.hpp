#pragma once
// The daemon's daily online backup ([backup] dir, time, keep): SQLite's backup API while the
// journal keeps being written, the newest `keep` copies kept. Runs on the loop thread.
//
// Wiring (Daemon): a member after db_ and io_,
//     DailyBackups backups_{io_, db_, config_};
// and `backups_.start();` in Daemon::run() before io_.run().

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <optional>

#include "config/Config.hpp"
#include "daemon/DailyTimer.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::daemon {

class DailyBackups {
public:
    DailyBackups(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config);

    void start();  // does nothing when keep = 0
    // One backup now; logs it; a failure is logged, not thrown. Returns the file written.
    std::optional<std::filesystem::path> run_once(std::chrono::system_clock::time_point now);

private:
    sqlite::Database& db_;
    const config::Config& config_;
    DailyTimer timer_;
};

}  // namespace lp::daemon
