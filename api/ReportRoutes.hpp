#pragma once
#include <nlohmann/json.hpp>

#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"
#include "config/Config.hpp"
#include "domain/Time.hpp"

namespace lp::api {

// GET /api/reports (the files in [reports] dir and the next due), GET /api/reports/{name} (only
// a name from that listing) and POST /api/reports (a period's files written now; docs/api.md
// "Reports").
std::vector<Route> report_routes(Services& services);

// When the next scheduled reports fall due: {"period" (the first), "periods", "due" (dd/mm/yyyy)},
// or null. GET /api/reports' next_due and GET /api/status' next_report.
nlohmann::json next_report_json(const config::Config& config, domain::LocalDate today);

}  // namespace lp::api
