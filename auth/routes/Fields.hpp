#pragma once
// Reading a request's JSON body: every missing, mistyped or unknown field is an api::ApiError
// 400 naming it, in Vietnamese.

#include <initializer_list>
#include <optional>
#include <string>

#include "api/Call.hpp"
#include "auth/AccountError.hpp"

namespace lp::auth::fields {

// The body must be a JSON object holding no field outside `allowed`.
void expect_object(const api::Call& call, std::initializer_list<const char*> allowed);
std::string required_string(const api::Call& call, const char* name);
std::optional<std::string> optional_string(const api::Call& call, const char* name);
std::optional<bool> optional_bool(const api::Call& call, const char* name);
// A "{name}" capture of the route; 400 when absent.
std::string param(const api::Call& call, const char* name);

// AccountError as the API answers it: invalid 400, not_found 404, conflict 409.
api::ApiError to_api_error(const AccountError& e);

// Runs `f`, answering its AccountError as the API does.
template <typename F>
auto answering(F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const AccountError& e) {
        throw to_api_error(e);
    }
}

}  // namespace lp::auth::fields
