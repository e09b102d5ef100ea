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
        return record(journal::ChainHead{r.stamp.head_seq, r.stamp.head_seal});
    };
    auto files = exporting::write_period_report(db, period, config, tz, made_on, config.reports.dir,
                                                [&](const exporting::Report& r) {
                                                    const auto checkpoint = checkpoint_of(r);
                                                    if (before_writing) before_writing();
                                                    return evidence.signer(tz, checkpoint);
                                                })
                     .files;
    files.push_back(
        evidence::write_package(db, period, config, tz, made_on, config.reports.dir, evidence, checkpoint_of).file);
    return files;
}

}  // namespace lp::daemon
