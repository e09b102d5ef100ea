#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// The one-step emergency (an item, or a text spoken first), the emergency requests an approver
// confirms or refuses when [http] emergency_needs_approver is set, and play next (docs/api.md
// "One-offs and emergencies"). Every order is a one-off in the ordering account's name (and the
// approving account's): the journal seals both in the rows of its airing.
std::vector<Route> emergency_routes(Services& services);

}  // namespace lp::api
