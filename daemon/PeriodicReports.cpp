#include "daemon/PeriodicReports.hpp"

#include "daemon/Logging.hpp"
#include "domain/WallClock.hpp"
#include "evidence/Evidence.hpp"
#include "export/ReportFiles.hpp"

namespace lp::daemon {
std::vector<exporting::Period> reports_pending(domain::LocalDate today, unsigned day) {
    if (today.day < day || today.day > 7) return {};
    return exporting::reports_due_on({today.year, today.month, day}, day);
}

PeriodicReports::PeriodicReports(boost::asio::io_context& io, sqlite::Database& db, const config::Config& config)
    : db_(db),
      config_(config),
      tz_(domain::zone(config.time_zone)),
      timer_(io, tz_, std::chrono::hours(1), [this](auto now) { write_due(domain::local_date(tz_, now)); }) {}

void PeriodicReports::start() {
    write_due(domain::local_date(tz_, domain::wall_now()));
    timer_.start();
}

void PeriodicReports::checkpoint_daily() {
    try {
        if (auto c = evidence::Evidence::from_config(config_).daily(db_, domain::wall_now()))
            logger("reports")->info("signed checkpoint at chain position {} ({})", c->chain_seq,
                                    config_.reports.checkpoint_file.string());
    } catch (const std::exception& e) {
        logger("reports")->error("signed checkpoint could not be made: {}", e.what());
    }
}

std::vector<std::filesystem::path> PeriodicReports::write_due(domain::LocalDate today) {
    checkpoint_daily();
    std::vector<std::filesystem::path> written;
    const auto formats = exporting::report_formats(config_.reports);
    if (formats.empty()) return written;
    for (const auto& period : reports_pending(today, config_.reports.day)) {
        const auto marker = config_.reports.dir /
                            ("nhat-ky-" + period.code() + "." + std::string(exporting::extension(formats.front())));
        if (std::filesystem::exists(marker)) continue;
        try {
            const auto evidence = evidence::Evidence::from_config(config_);
            auto done = exporting::write_period_report(db_, period, config_, tz_, today, config_.reports.dir,
                                                       evidence.signing(db_, tz_));
            for (auto& f : done.files) {
                logger("reports")->info("report {} ({} journal rows) written to {}", period.code(),
                                        done.report.lines.size(), f.string());
                written.push_back(std::move(f));
            }
        } catch (const std::exception& e) {
            logger("reports")->error("report {} could not be written to {}: {}", period.code(),
                                     config_.reports.dir.string(), e.what());
        }
    }
    return written;
}

}  // namespace lp::daemon
