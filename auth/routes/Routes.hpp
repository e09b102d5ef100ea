#pragma once
// The routes auth/ serves (auth::Gate::routes), by topic.

#include <vector>

#include "api/Call.hpp"
#include "auth/GateParts.hpp"

namespace lp::auth::routes {

// POST /api/login, POST /api/logout, GET /api/me.
void add_session_routes(GateParts& parts, std::vector<api::Route>& out);
// GET/POST /api/accounts, PATCH/DELETE /api/accounts/{name}.
void add_account_routes(GateParts& parts, std::vector<api::Route>& out);
// GET/POST /api/tokens, DELETE /api/tokens/{id}.
void add_token_routes(GateParts& parts, std::vector<api::Route>& out);

}  // namespace lp::auth::routes
