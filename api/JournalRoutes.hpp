#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// GET /api/journal (filters, ids, paging) and GET /api/journal/{id} (docs/api.md "Journal").
std::vector<Route> journal_routes(Services& services);

}  // namespace lp::api
