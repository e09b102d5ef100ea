#include "api/ScheduleJson.hpp"

#include "api/Params.hpp"
#include "domain/Time.hpp"

namespace lp::api {
namespace {

using scheduler::Entry;

nlohmann::json optional_date(const std::optional<domain::LocalDate>& d) {
    return d ? nlohmann::json(domain::display_date_text(*d)) : nlohmann::json(nullptr);
}

std::string_view kind_code(Entry::Kind k) {
    switch (k) {
        case Entry::Kind::opening_jingle: return "opening";
        case Entry::Kind::closing_jingle: return "closing";
        case Entry::Kind::pool: return "pool";
        case Entry::Kind::fixed: return "fixed";
    }
    return "fixed";
}

nlohmann::json entry_json(const Entry& e) {
    if (e.kind != Entry::Kind::pool) return {{"kind", kind_code(e.kind)}, {"item", e.item}};
    return {{"kind", "pool"},
            {"count", e.count},
            {"topics", e.filter.topics},
            {"forms", e.filter.forms},
            {"tags", e.filter.tags}};
}

std::string hh_mm(const date::time_zone* tz, scheduler::TimePoint t) {
    return domain::local_time_text(tz, t).substr(0, 5);
}

nlohmann::json or_null(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json slot_json(const scheduler::Slot& s) {
    auto programme = nlohmann::json::array();
    for (const auto& e : s.programme) programme.push_back(entry_json(e));
    auto skip = nlohmann::json::array();
    for (const auto& d : s.skipped_days) skip.push_back(domain::display_date_text(d));
    return {{"name", s.name},
            {"start", s.relative_start ? "+" + std::to_string(s.relative_start->count()) + "s"
                                       : domain::duration_text(s.start_of_day).substr(0, 5)},
            {"days", s.days},
            {"length_s", s.max_length.count()},
            {"from", optional_date(s.first_day)},
            {"until", optional_date(s.last_day)},
            {"skip", skip},
            {"outputs", s.outputs},
            {"programme", programme}};
}

nlohmann::json preview_json(const std::vector<scheduler::PreviewDay>& days, const date::time_zone* tz) {
    auto out = nlohmann::json::array();
    for (const auto& day : days) {
        auto entries = nlohmann::json::array();
        for (const auto& e : day.entries)
            entries.push_back(
                {{"time", hh_mm(tz, e.slot_at)},
                 {"cue_time", domain::local_time_text(tz, e.at)},
                 {"slot", e.slot ? nlohmann::json(*e.slot) : nlohmann::json(nullptr)},
                 {"item", e.item},
                 {"title", e.title},
                 {"length_s", static_cast<double>(e.length.count()) / 1000.0},
                 {"reason", e.reason},
                 {"priority", e.priority ? nlohmann::json(priority_page_code(*e.priority)) : nlohmann::json(nullptr)}});
        auto skipped = nlohmann::json::array();
        for (const auto& s : day.skipped)
            skipped.push_back({{"time", hh_mm(tz, s.slot_at)},
                               {"slot", s.slot},
                               {"item", s.item ? nlohmann::json(s.item) : nlohmann::json(nullptr)},
                               {"title", or_null(s.title)},
                               {"reason", s.reason}});
        out.push_back({{"date", domain::display_date_text(day.date)},
                       {"entries", entries},
                       {"skipped", skipped},
                       {"warnings", day.warnings}});
    }
    return {{"days", out}};
}

}  // namespace lp::api
