#pragma once
// The daemon's scheduled reports: each quarter's, half year's and year's files are written
// into [reports] dir on [reports] day of the period's last month (before the 8th, when they
// are due), signed (evidence/SignedExport.hpp), with the period's evidence package
// (evidence/Package.hpp); that version holds the rows up to its day and is named so
// ("nhat-ky-2026Q1-den-2026-03-05.*"). After the period closes (the first 7 days of the next
// month) the final version covering the whole period is written next to it ("nhat-ky-2026Q1.*"),
// both kept. Checked at start (catching up a day missed while the daemon was down) and every day
// at 01:00 local.
//
// A report is written on a worker thread of its own, reading through its own read-only
// connection (daemon/ScheduledReport.hpp): a quarter's PDF takes seconds, and the loop (the
// scheduler, journal commits, the API) never waits for it. Only the report's checkpoint is
// recorded on the loop, the database's one writer. A failed report is logged and tried again
// (after [retry_after], doubling up to a day) while its period is due; nothing else stops.
//
// Wiring (Daemon): a member after db_ and io_,
//     PeriodicReports reports_{io_, db_, config_};
// and `reports_.start();` in Daemon::run() before io_.run().

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/Config.hpp"
#include "daemon/DailyTimer.hpp"
#include "daemon/WallClockTimer.hpp"
#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "export/Period.hpp"
#include "journal/Backoff.hpp"

namespace lp::daemon {

// The periods whose report is due by `today` in this month and not yet written: from `day`
// to the 7th of a quarter's last month. Pure.
std::vector<exporting::Period> reports_pending(domain::LocalDate today, unsigned day);
// The periods that ended with the month before `today`, while `today` is within the 7 first
// days of its month: their final version is due. Pure.
std::vector<exporting::Period> finals_pending(domain::LocalDate today);

class PeriodicReports {
public:
    struct Options {
        std::chrono::milliseconds retry_after = std::chrono::minutes(10);  // then doubling, up to a day
        // The wall clock for the dates (tests drive a virtual one); the timers wait on the real one.
        std::function<std::chrono::system_clock::time_point()> now = domain::wall_now;
        // Tests: runs on the worker once a report is read and its checkpoint recorded.
        std::function<void()> before_writing;
    };
    // What became of one report (on the loop thread): its files, or the error.
    struct Outcome {
        exporting::Period period;
        bool final = false;  // the version covering the whole period, written after it closed
        std::vector<std::filesystem::path> files;
        std::string error;  // empty when written
    };

    // `config.database` is the file the workers read.
    PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config);
    PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config, Options options);
    // Waits for a report being written (a report cut short is never left: export/ReportFiles.hpp).
    ~PeriodicReports();

    void start();
    // Loop thread. Starts on the worker the reports due on `today` (the early versions, and the
    // final versions of periods just closed) whose files are not in the folder yet and that are
    // not being written; returns their periods. Never throws.
    std::vector<exporting::Period> write_due(domain::LocalDate today);
    // A report is being written (or waits for its turn on the worker).
    bool busy() const { return !running_.empty(); }
    // Called on the loop thread after each report (tests, the log).
    void on_outcome(std::function<void(const Outcome&)> f) { on_outcome_ = std::move(f); }
    // A signed checkpoint of the journal's chain when the last is a day old (evidence/Evidence.hpp);
    // at start (which makes the signing key on the first) and at every daily check. Logged, never thrown.
    void checkpoint_daily();

private:
    // One version of one period's report.
    struct Job {
        exporting::Period period;
        domain::LocalDate made_on;
        bool final = false;
        std::string key() const { return period.code() + (final ? "" : "-den"); }
    };
    // A file of that version is in the folder already (the early one: of any day).
    bool written(const Job& job) const;
    void run(const Job& job);
    void finished(Outcome outcome, const Job& job);
    void retry();

    boost::asio::io_context& io_;
    sqlite::Database& db_;
    const config::Config& config_;
    const date::time_zone* tz_;
    Options options_;
    DailyTimer timer_;
    WallClockTimer retry_timer_;
    journal::Backoff backoff_;
    std::map<std::string, Job> running_;  // by Job::key()
    std::map<std::string, Job> failed_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    std::function<void(const Outcome&)> on_outcome_;
    std::atomic<bool> stopping_{false};
    boost::asio::thread_pool worker_{1};  // last: joined first
};

}  // namespace lp::daemon
