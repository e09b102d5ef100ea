#pragma once
// The daemon's scheduled reports: each quarter's, half year's and year's files are written
// into [reports] dir on [reports] day of the period's last month (before the 8th, when they
// are due), signed (evidence/SignedExport.hpp). Checked at start (catching up a day missed while the daemon was down,
// up to the 7th) and every day at 01:00 local. Runs on the loop thread (it reads the database).
//
// Wiring (Daemon): a member after db_ and io_,
//     PeriodicReports reports_{io_, db_, config_};
// and `reports_.start();` in Daemon::run() before io_.run().

#include <boost/asio/io_context.hpp>

#include <filesystem>
#include <vector>

#include "config/Config.hpp"
#include "daemon/DailyTimer.hpp"
#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "export/Period.hpp"

namespace lp::daemon {

// The periods whose report is due by `today` in this month and not yet written: from `day`
// to the 7th of a quarter's last month. Pure.
std::vector<exporting::Period> reports_pending(domain::LocalDate today, unsigned day);

class PeriodicReports {
public:
    PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config);

    void start();
    // Writes the reports due on `today` whose files are not in the folder yet; returns the
    // files written. Logs where; a failure is logged (and retried the next day), not thrown.
    std::vector<std::filesystem::path> write_due(domain::LocalDate today);
    // A signed checkpoint of the journal's chain when the last is a day old (evidence/Evidence.hpp);
    // at start (which makes the signing key on the first) and at every daily check. Logged, never thrown.
    void checkpoint_daily();

private:
    sqlite::Database& db_;
    const config::Config& config_;
    const date::time_zone* tz_;
    DailyTimer timer_;
};

}  // namespace lp::daemon
