#pragma once
// The daemon's scheduled reports: each quarter's, half year's and year's files are written
// into [reports] dir on [reports] day of the period's last month (before the 8th, when they
// are due), signed (evidence/SignedExport.hpp), with the period's evidence package
// (evidence/Package.hpp); that version holds the rows up to its day and is named so
// ("nhat-ky-2026Q1-den-2026-03-05.*"). After the period closes (the first 7 days of the next
// month) the final version covering the whole period is written next to it ("nhat-ky-2026Q1.*"),
// both kept. Checked at start (catching up a day missed while the daemon was down) and every day
// at 01:00 local. Runs on the loop thread (it reads the database).
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
// The periods that ended with the month before `today`, while `today` is within the 7 first
// days of its month: their final version is due. Pure.
std::vector<exporting::Period> finals_pending(domain::LocalDate today);

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
    // Writes the files and the package of `period` made on `today`, unless a file of that
    // version is in the folder already.
    void write_version(const exporting::Period& period, domain::LocalDate today, bool final,
                       std::vector<std::filesystem::path>& written);
    sqlite::Database& db_;
    const config::Config& config_;
    const date::time_zone* tz_;
    DailyTimer timer_;
};

}  // namespace lp::daemon
