#include "daemon/ScheduledReport.hpp"

#include "db/Store.hpp"
#include "evidence/Evidence.hpp"
#include "evidence/Package.hpp"

namespace lp::daemon {

std::vector<std::filesystem::path> write_scheduled_report(const config::Config& config, const exporting::Period& period,
                                                          domain::LocalDate made_on, const RecordCheckpoint& record,
                                                          const std::function<void()>& before_writing) {
    auto db = db::open_reader(config.database);
    const auto* tz = domain::zone(config.time_zone);
    const auto evidence = evidence::Evidence::from_config(config);
    const auto checkpoint_of = [&](const exporting::Report& r) {
        auto checkpoint = record(journal::ChainHead{r.stamp.head_seq, r.stamp.head_seal});
        if (before_writing) before_writing();
        return checkpoint;
    };
    // The loose files in [reports] formats are the package's members.
    auto written =
        evidence::write_package(db, period, config, tz, made_on, config.reports.dir, evidence, checkpoint_of);
    written.files.push_back(written.file);
    return written.files;
}

}  // namespace lp::daemon
