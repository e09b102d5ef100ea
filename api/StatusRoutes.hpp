#pragma once
#include <nlohmann/json.hpp>

#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// The JSON of GET /api/status, also the data of the SSE `status` event (on the loop).
nlohmann::json status_json(Services& services);

// GET /api/status, GET /api/vocabulary.
std::vector<Route> status_routes(Services& services);

}  // namespace lp::api
