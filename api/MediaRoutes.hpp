#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// /api/media...: list and search, show, listen, upload, edit, tags, approve, reject, revoke,
// retire, say (docs/api.md "Media library").
std::vector<Route> media_routes(Services& services);

}  // namespace lp::api
