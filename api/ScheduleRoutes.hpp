#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// Slots with their programmes (list, create or replace with overlap warnings and a dry run,
// remove) and the plan preview of a day or a week (docs/api.md "Schedule").
std::vector<Route> schedule_routes(Services& services);

}  // namespace lp::api
