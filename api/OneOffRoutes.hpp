#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// One-offs at the three priorities, the one-step emergency and stop now (docs/api.md
// "One-offs and emergencies").
std::vector<Route> one_off_routes(Services& services);

}  // namespace lp::api
