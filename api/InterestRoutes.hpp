#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// GET /api/interest?period=…: residents' interest over a period (issue 13, export/Interest.hpp;
// docs/api.md), as the reports' section shows it, for the operator's page.
std::vector<Route> interest_routes(Services& services);

}  // namespace lp::api
