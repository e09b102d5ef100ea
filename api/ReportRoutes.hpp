#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// GET /api/reports (the files in [reports] dir) and GET /api/reports/{name} (only a name
// from that listing; docs/api.md "Reports").
std::vector<Route> report_routes(Services& services);

}  // namespace lp::api
