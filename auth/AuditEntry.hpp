#pragma once
// What an API request that changed state says in the audit: who, which route, on what, and
// its body without secrets. Pure.

#include <nlohmann/json.hpp>

#include "api/Call.hpp"
#include "auth/AuditSeal.hpp"
#include "auth/Clock.hpp"

namespace lp::auth {

// A copy of `body` without any field whose name contains "password", "token" or "csrf"
// (any case, at any depth); strings over 1000 bytes are cut.
nlohmann::json without_secrets(const nlohmann::json& body);

// The route pattern of `path`: each segment equal to a captured "{name}" parameter is put
// back as "{name}" ("/api/accounts/an" with name=an → "/api/accounts/{name}").
std::string route_pattern(const api::Call& call);

// The row (without id and seal) for a request that changed state. The login's account is the
// one that logged in (from the reply), since it had no caller.
AuditRow audit_row_for(const api::Call& call, const api::Reply& reply, TimePoint at);

}  // namespace lp::auth
