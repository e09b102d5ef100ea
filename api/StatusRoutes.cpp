#include "api/StatusRoutes.hpp"

#include <chrono>

#include "api/Orders.hpp"
#include "api/Params.hpp"
#include "api/ReportRoutes.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"

namespace lp::api {
namespace {

nlohmann::json last_failures(sqlite::Database& db, const date::time_zone* tz) {
    auto st = db.prepare(
        "SELECT id, coalesce(started_at, scheduled_at), title, status, coalesce(reason, '') FROM journal "
        "WHERE status IN ('failed', 'interrupted', 'missed') ORDER BY id DESC LIMIT 10");
    auto out = nlohmann::json::array();
    while (st.step()) {
        auto j = instant_json(tz, domain::from_utc_text(st.text(1)));
        j["id"] = st.integer(0);
        j["title"] = st.text(2);
        j["status"] = st.text(3);
        j["reason"] = st.text(4);
        out.push_back(std::move(j));
    }
    return out;
}

std::int64_t waiting_requests(sqlite::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM emergency_request WHERE state = 'waiting'");
    st.step();
    return st.integer(0);
}

nlohmann::json terms(std::span<const domain::Term> list) {
    auto out = nlohmann::json::array();
    for (const auto& t : list) out.push_back({{"code", t.code}, {"label", t.label}});
    return out;
}

}  // namespace

nlohmann::json status_json(Services& s) {
    const auto* tz = domain::zone(s.config()->time_zone);
    const auto now = domain::wall_now();
    nlohmann::json j{{"now", domain::to_utc_text(now)}};
    j["playing"] = s.now_playing();
    auto next = s.next_up();
    if (next.is_object() && next.contains("at")) {
        const auto at = domain::from_utc_text(next["at"].get<std::string>());
        next["date"] = domain::local_date_text(tz, at);
        next["time"] = domain::local_time_text(tz, at).substr(0, 5);
    }
    j["next"] = next;
    j["outputs"] = s.outputs();
    j["failures"] = last_failures(s.database(), tz);
    j["journal_waiting"] = s.journal_waiting();
    j["next_report"] = next_report_json(*s.config(), domain::local_date(tz, now));
    j["emergency_requests"] = waiting_requests(s.database());
    return j;
}

std::vector<Route> status_routes(Services& s) {
    return {
        {"GET", "/api/status", auth::Permission::read, false, false,
         [&s](Call&) { return json_reply(status_json(s)); }},
        {"GET", "/api/vocabulary", auth::Permission::read, false, false,
         [&s](Call&) {
             auto outputs = nlohmann::json::array();
             const auto config = s.config();
             for (const auto& o : config->outputs) outputs.push_back({{"name", o.name}});
             return json_reply({{"topics", terms(domain::topics())},
                                {"forms", terms(domain::forms())},
                                {"priorities",
                                 {{{"code", "thuong"}, {"label", "Thông thường"}},
                                  {{"code", "uu-tien"}, {"label", "Ưu tiên"}},
                                  {{"code", "khan-cap"}, {"label", "Khẩn cấp"}}}},
                                {"outputs", outputs}});
         }},
    };
}

}  // namespace lp::api
