#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// /api/settings/organisation: the names in report headers (docs/api.md).
std::vector<Route> settings_routes(Services& services);

}  // namespace lp::api
