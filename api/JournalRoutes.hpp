#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// GET /api/journal (filters, ids, paging), GET /api/journal/{id}, POST /api/journal/manual,
// POST /api/journal/{id}/correct, GET /api/journal/verify and GET /api/journal/export
// (docs/api.md "Journal").
std::vector<Route> journal_routes(Services& services);

}  // namespace lp::api
