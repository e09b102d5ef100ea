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

nlohmann::json row_json(const JournalRow& row, const date::time_zone* tz, sqlite::Database& db) {
    auto j = row_json(row, tz);
    auto listeners = nlohmann::json::array();
    for (const auto& f : load_listeners(db, row.id))
        listeners.push_back({{"output", f.output}, {"peak", f.peak}, {"mean", f.mean}, {"samples", f.samples}});
    j["listeners"] = std::move(listeners);
    return j;
}

}  // namespace lp::journal
