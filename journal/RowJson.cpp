#include "journal/RowJson.hpp"

#include "domain/Time.hpp"

namespace lp::journal {

TimePoint shown_time(const JournalRow& row) { return row.started_at.value_or(row.plan.scheduled_at); }

nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz) {
    nlohmann::json j{{"id", row.id},
                     {"date", domain::local_date_text(tz, shown_time(row))},
                     {"time", domain::local_time_text(tz, shown_time(row))},
                     {"title", row.plan.title},
                     {"topics", row.plan.topics},
                     {"form", row.plan.form},
                     {"slot", row.plan.slot},
                     {"status", to_code(row.status)},
                     {"played_s", static_cast<double>(row.played.count()) / 1000.0},
                     {"reason", row.reason},
                     {"outputs", row.outputs}};
    j["ordinal"] = row.ordinal ? nlohmann::json(*row.ordinal) : nlohmann::json(nullptr);
    j["media_item_id"] = row.plan.media_item_id ? nlohmann::json(*row.plan.media_item_id) : nlohmann::json(nullptr);
    j["corrects"] = row.corrects ? nlohmann::json(*row.corrects) : nlohmann::json(nullptr);
    j["entered_by"] = row.manual_by;
    j["ordered_by"] = row.ordered_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.ordered_by);
    j["approved_by"] = row.approved_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.approved_by);
    const auto& ev = row.start_evidence;
    j["clock_synced"] = ev.clock_synced ? nlohmann::json(*ev.clock_synced) : nlohmann::json(nullptr);
    j["archive_file"] = ev.archive_file.empty() ? nlohmann::json(nullptr) : nlohmann::json(ev.archive_file);
    j["archive_offset_s"] = ev.archive_offset ? nlohmann::json(static_cast<double>(ev.archive_offset->count()) / 1000.0)
                                              : nlohmann::json(nullptr);
    return j;
}

nlohmann::json live_json(const LiveRecord& live, const date::time_zone* tz) {
    const auto seconds = [](auto d) {
        return static_cast<double>(std::chrono::duration_cast<Millis>(d).count()) / 1000.0;
    };
    auto dropouts = nlohmann::json::array();
    for (const auto& d : live.dropouts)
        dropouts.push_back({{"date", domain::local_date_text(tz, d.at)},
                            {"time", domain::local_time_text(tz, d.at)},
                            {"utc", domain::to_utc_text(d.at)},
                            {"length_s", seconds(d.length)}});
    return {{"kind", live.kind},
            {"label", live_kind_label(live.kind)},
            {"source", live.source},
            {"planned_s", seconds(live.planned)},
            {"relayed_s", seconds(live.relayed)},
            {"fallback", live.fallback.empty() ? nlohmann::json(nullptr) : nlohmann::json(live.fallback)},
            {"dropouts", std::move(dropouts)}};
}

nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz, sqlite::Database& db) {
    auto j = row_json(row, tz);
    const auto live = load_live(db, row.id);
    j["live"] = live ? live_json(*live, tz) : nlohmann::json(nullptr);
    auto listeners = nlohmann::json::array();
    for (const auto& f : load_listeners(db, row.id))
        listeners.push_back({{"output", f.output}, {"peak", f.peak}, {"mean", f.mean}, {"samples", f.samples}});
    j["listeners"] = std::move(listeners);
    return j;
}

}  // namespace lp::journal
