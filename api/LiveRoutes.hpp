#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// Live sessions (docs/api.md "Live sessions"): POST /api/live starts one (a station's stream,
// or the capture device read live) as an emergency one-off that cuts what plays, DELETE
// /api/live ends it and the cut programme resumes, GET /api/live says what is on. One at a
// time: a second start is refused (409) while one is on.
std::vector<Route> live_routes(Services& services);

}  // namespace lp::api
