#include "daemon/ScheduledReport.hpp"

#include "db/Store.hpp"
#include "evidence/Evidence.hpp"

namespace lp::daemon {

exporting::WrittenReport write_scheduled_report(const config::Config& config, const exporting::Period& period,
                                                domain::LocalDate made_on, const RecordCheckpoint& record,
                                                const std::function<void()>& before_writing) {
    auto db = db::open_reader(config.database);
    const auto* tz = domain::zone(config.time_zone);
    const auto evidence = evidence::Evidence::from_config(config);
    return exporting::write_period_report(
        db, period, config, tz, made_on, config.reports.dir, [&](const exporting::Report& r) {
            const auto checkpoint = record(journal::ChainHead{r.stamp.head_seq, r.stamp.head_seal});
            if (before_writing) before_writing();
            return evidence.signer(tz, checkpoint);
        });
}

}  // namespace lp::daemon
