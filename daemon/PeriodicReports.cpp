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
    const auto formats = exporting::report_formats(config_.reports);
    if (formats.empty()) return started;
    for (const auto& period : reports_pending(today, config_.reports.day)) {
        const auto marker = config_.reports.dir /
                            ("nhat-ky-" + period.code() + "." + std::string(exporting::extension(formats.front())));
        std::error_code ec;
        if (std::filesystem::exists(marker, ec) || running_.count(period.code())) continue;
        run(period, today);
        started.push_back(period);
    }
    return started;
}

void PeriodicReports::run(const exporting::Period& period, domain::LocalDate made_on) {
    running_[period.code()] = made_on;
    if (!work_) work_.emplace(io_.get_executor());
    logger("reports")->info("report {} is being written on a worker", period.code());
    // The worker gets its own copy of the configuration: a reload on the loop may replace it.
    boost::asio::post(worker_, [this, period, made_on, config = config_] {
        Outcome outcome{period, {}, {}};
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
            outcome.files = write_scheduled_report(config, period, made_on, record, options_.before_writing).files;
        } catch (const std::exception& e) {
            outcome.error = e.what();
        }
        boost::asio::post(
            io_, [this, outcome = std::move(outcome), made_on]() mutable { finished(std::move(outcome), made_on); });
    });
}

void PeriodicReports::finished(Outcome outcome, domain::LocalDate made_on) {
    const auto code = outcome.period.code();
    running_.erase(code);
    if (outcome.error.empty()) {
        for (const auto& f : outcome.files) logger("reports")->info("report {} written to {}", code, f.string());
        failed_.erase(code);
        if (failed_.empty()) backoff_.reset();
    } else {
        failed_[code] = {outcome.period, made_on};
        const auto delay = backoff_.next();
        logger("reports")->error("report {} could not be written to {}: {} (tried again in {} s)", code,
                                 config_.reports.dir.string(), outcome.error,
                                 std::chrono::duration_cast<std::chrono::seconds>(delay).count());
        retry_timer_.wait_until(std::chrono::system_clock::now() + delay, [this](bool) { retry(); });
    }
    if (running_.empty()) work_.reset();
    if (on_outcome_) on_outcome_(outcome);
}

// The failed reports again, while their period is still due (up to the 7th of its last month).
void PeriodicReports::retry() {
    const auto today = domain::local_date(tz_, options_.now());
    auto failed = std::move(failed_);
    failed_.clear();
    for (const auto& [code, job] : failed) {
        const auto& [period, made_on] = job;
        const bool still_due = today <= domain::LocalDate{made_on.year, made_on.month, 7};
        if (!still_due) {
            logger("reports")->error("report {} was not written before it was due; write it with loaphuong report",
                                     code);
            continue;
        }
        if (!running_.count(code)) run(period, made_on);
    }
}

}  // namespace lp::daemon
