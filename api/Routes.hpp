#pragma once
// Every route the API handlers serve (docs/api.md), for the HTTP server. The role matrix
// test iterates this list: (method, pattern, permission) of each route.

#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

std::vector<Route> routes(Services& services);

}  // namespace lp::api
