#include "daemon/PeriodicReports.hpp"

#include "daemon/Logging.hpp"
#include "domain/WallClock.hpp"
#include "evidence/Evidence.hpp"
#include "evidence/Package.hpp"
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
    if (exporting::report_formats(config_.reports).empty()) return written;
    for (const auto& period : reports_pending(today, config_.reports.day)) write_version(period, today, false, written);
    for (const auto& period : finals_pending(today)) write_version(period, today, true, written);
    return written;
}

void PeriodicReports::write_version(const exporting::Period& period, domain::LocalDate today, bool final,
                                    std::vector<std::filesystem::path>& written) {
    // The early version is named by its day: any day's counts as written.
    const std::string prefix = "nhat-ky-" + period.code() + (final ? "." : "-den-");
    std::error_code ec;
    if (std::filesystem::is_directory(config_.reports.dir, ec))
        for (const auto& entry : std::filesystem::directory_iterator(config_.reports.dir, ec))
            if (entry.path().filename().string().rfind(prefix, 0) == 0) return;
    try {
        const auto evidence = evidence::Evidence::from_config(config_);
        auto done = exporting::write_period_report(db_, period, config_, tz_, today, config_.reports.dir,
                                                   evidence.signing(db_, tz_));
        auto package = evidence::write_package(db_, period, config_, tz_, today, config_.reports.dir, evidence);
        done.files.push_back(std::move(package.file));
        for (auto& f : done.files) {
            logger("reports")->info("report {} ({}, {} journal rows) written to {}", period.code(),
                                    final ? "final" : "up to " + domain::iso_date_text(today), done.report.lines.size(),
                                    f.string());
            written.push_back(std::move(f));
        }
    } catch (const std::exception& e) {
        logger("reports")->error("report {} could not be written to {}: {}", period.code(),
                                 config_.reports.dir.string(), e.what());
    }
}

}  // namespace lp::daemon
