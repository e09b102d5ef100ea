#include "daemon/PeriodicReports.hpp"

#include <boost/asio/post.hpp>

#include <future>

#include "daemon/Logging.hpp"
#include "daemon/ScheduledReport.hpp"
#include "evidence/Evidence.hpp"
#include "export/ReportFiles.hpp"

namespace lp::daemon {

std::vector<exporting::Period> reports_pending(domain::LocalDate today, unsigned day) {
    if (today.day < day || today.day > 7) return {};
    return exporting::reports_due_on({today.year, today.month, day}, day);
}

std::vector<exporting::Period> finals_pending(domain::LocalDate today) {
    if (today.day > 7) return {};
    const domain::LocalDate previous_month =
        today.month == 1 ? domain::LocalDate{today.year - 1, 12, 1} : domain::LocalDate{today.year, today.month - 1, 1};
    return exporting::reports_due_on(previous_month, 1);
}

PeriodicReports::PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config)
    : PeriodicReports(io, db, config, Options{}) {}

PeriodicReports::PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config,
                                 Options options)
    : io_(io),
      db_(db),
      config_(config),
      tz_(domain::zone(config.time_zone)),
      options_(std::move(options)),
      timer_(io, tz_, std::chrono::hours(1), [this](auto now) { write_due(domain::local_date(tz_, now)); }),
      retry_timer_(io),
      backoff_(options_.retry_after, std::chrono::hours(24)) {}

PeriodicReports::~PeriodicReports() {
    stopping_ = true;  // a worker waiting for the loop to record its checkpoint gives up
    worker_.join();
}

void PeriodicReports::start() {
    write_due(domain::local_date(tz_, options_.now()));
    timer_.start();
}

void PeriodicReports::checkpoint_daily() {
    try {
        if (auto c = evidence::Evidence::from_config(config_).daily(db_, options_.now()))
            logger("reports")->info("signed checkpoint at chain position {} ({})", c->chain_seq,
                                    config_.reports.checkpoint_file.string());
    } catch (const std::exception& e) {
        logger("reports")->error("signed checkpoint could not be made: {}", e.what());
    }
}

std::vector<exporting::Period> PeriodicReports::write_due(domain::LocalDate today) {
    checkpoint_daily();
    std::vector<exporting::Period> started;
    if (exporting::report_formats(config_.reports).empty()) return started;
    std::vector<Job> jobs;
    for (const auto& period : reports_pending(today, config_.reports.day)) jobs.push_back({period, today, false});
    for (const auto& period : finals_pending(today)) jobs.push_back({period, today, true});
    for (const auto& job : jobs) {
        if (written(job) || running_.count(job.key())) continue;
        run(job);
        started.push_back(job.period);
    }
    return started;
}

bool PeriodicReports::written(const Job& job) const {
    const std::string prefix = "nhat-ky-" + job.period.code() + (job.final ? "." : "-den-");
    std::error_code ec;
    if (std::filesystem::is_directory(config_.reports.dir, ec))
        for (const auto& entry : std::filesystem::directory_iterator(config_.reports.dir, ec))
            if (entry.path().filename().string().rfind(prefix, 0) == 0) return true;
    return false;
}

void PeriodicReports::run(const Job& job) {
    running_[job.key()] = job;
    if (!work_) work_.emplace(io_.get_executor());
    logger("reports")->info("report {} ({}) is being written on a worker", job.period.code(),
                            job.final ? "final" : "up to " + domain::iso_date_text(job.made_on));
    // The worker gets its own copy of the configuration: a reload on the loop may replace it.
    boost::asio::post(worker_, [this, job, config = config_] {
        Outcome outcome{job.period, job.final, {}, {}};
        const RecordCheckpoint record = [this](const journal::ChainHead& head) {
            auto done = std::make_shared<std::promise<evidence::Checkpoint>>();
            auto recorded = done->get_future();
            boost::asio::post(io_, [this, done, head] {
                try {
                    done->set_value(evidence::Evidence::from_config(config_).checkpoint_at(db_, head, options_.now()));
                } catch (...) {
                    done->set_exception(std::current_exception());
                }
            });
            while (recorded.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready)
                if (stopping_) throw std::runtime_error("the daemon stopped before the report's checkpoint was made");
            return recorded.get();
        };
        try {
            outcome.files = write_scheduled_report(config, job.period, job.made_on, record, options_.before_writing);
        } catch (const std::exception& e) {
            outcome.error = e.what();
        }
        boost::asio::post(io_,
                          [this, outcome = std::move(outcome), job]() mutable { finished(std::move(outcome), job); });
    });
}

void PeriodicReports::finished(Outcome outcome, const Job& job) {
    const auto code = outcome.period.code();
    running_.erase(job.key());
    if (outcome.error.empty()) {
        for (const auto& f : outcome.files) logger("reports")->info("report {} written to {}", code, f.string());
        failed_.erase(job.key());
        if (failed_.empty()) backoff_.reset();
    } else {
        failed_[job.key()] = job;
        const auto delay = backoff_.next();
        logger("reports")->error("report {} could not be written to {}: {} (tried again in {} s)", code,
                                 config_.reports.dir.string(), outcome.error,
                                 std::chrono::duration_cast<std::chrono::seconds>(delay).count());
        retry_timer_.wait_until(domain::wall_now() + delay, [this](bool) { retry(); });
    }
    if (running_.empty()) work_.reset();
    if (on_outcome_) on_outcome_(outcome);
}

// The failed reports again, while their period is still due (up to the 7th of its last month).
void PeriodicReports::retry() {
    const auto today = domain::local_date(tz_, options_.now());
    auto failed = std::move(failed_);
    failed_.clear();
    for (const auto& [key, job] : failed) {
        // Both versions are written within the first 7 days of a month (the early one from the
        // configured day of the period's last month, the final one after the period).
        const bool still_due = today <= domain::LocalDate{job.made_on.year, job.made_on.month, 7};
        if (!still_due) {
            logger("reports")->error("report {} was not written before it was due; write it with loaphuong report",
                                     job.period.code());
            continue;
        }
        if (!running_.count(key)) run(job);
    }
}

}  // namespace lp::daemon
