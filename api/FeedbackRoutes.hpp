#pragma once
#include <vector>

#include "api/Call.hpp"
#include "api/Services.hpp"

namespace lp::api {

// /api/feedback: residents' feedback (issue 13, docs/api.md). The public form's comments reach
// the operator only after an approver approved them; the operator records what came by the
// other channels (hotline, Zalo, mailbox, residential-group meetings, the People's Inspection
// Board).
std::vector<Route> feedback_routes(Services& services);

}  // namespace lp::api
