#include "evidence/Evidence.hpp"

#include "domain/WallClock.hpp"
#include "evidence/KeyFile.hpp"
#include "evidence/SignedExport.hpp"

namespace lp::evidence {

Evidence Evidence::from_config(const config::Config& config) {
    return Evidence{load_or_make_key(config.reports.signing_key), config.reports.checkpoint_file};
}

Checkpoint Evidence::checkpoint_for(sqlite::Database& db, const exporting::Report& r, domain::TimePoint now) const {
    return checkpoint_at(db, journal::ChainHead{r.stamp.head_seq, r.stamp.head_seal}, now);
}

Checkpoint Evidence::checkpoint_at(sqlite::Database& db, const journal::ChainHead& head, domain::TimePoint now) const {
    return record_checkpoint(db, key, "export", now, checkpoint_file, head);
}

exporting::PrepareReport Evidence::signer(const date::time_zone* tz, const Checkpoint& checkpoint) const {
    return [tz, checkpoint, key = key](const exporting::Report& r, exporting::Format f,
                                       const std::filesystem::path& file) {
        write_signed_report(r, tz, f, file, key, checkpoint);
    };
}

exporting::PrepareFor Evidence::signing(sqlite::Database& db, const date::time_zone* tz) const {
    return
        [this, &db, tz](const exporting::Report& r) { return signer(tz, checkpoint_for(db, r, domain::wall_now())); };
}

std::optional<Checkpoint> Evidence::daily(sqlite::Database& db, domain::TimePoint now) const {
    const auto last = last_checkpoint_time(db);
    if (last && now - *last < std::chrono::hours(23)) return std::nullopt;  // the daily tick never skips a day
    return record_checkpoint(db, key, "daily", now, checkpoint_file);
}

}  // namespace lp::evidence
