#pragma once
// Reading a request's JSON fields and parameters, with a Vietnamese ApiError naming the field
// for every bad case (missing, wrong type, bad date, unknown code, a path in a name).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/Call.hpp"
#include "domain/Time.hpp"
#include "export/Period.hpp"

namespace lp::api {

ApiError bad_request(const std::string& field, const std::string& message);  // 400
ApiError not_found(const std::string& field, const std::string& message);    // 404
ApiError conflict(const std::string& field, const std::string& message);     // 409
ApiError invalid(const std::string& field, const std::string& message);      // 422

// A JSON answer.
Reply json_reply(nlohmann::json body, int status = 200);

// The body as a JSON object (null counts as {}); 400 otherwise.
const nlohmann::json& body_object(const Call& call);

// A JSON field: absent → nullopt; present with the wrong type → 400.
std::optional<std::string> opt_string(const Call& call, const std::string& field);
std::string need_string(const Call& call, const std::string& field);  // also refuses "" (422)
std::optional<std::int64_t> opt_integer(const Call& call, const std::string& field);
std::int64_t need_integer(const Call& call, const std::string& field);
std::optional<bool> opt_bool(const Call& call, const std::string& field);
std::optional<std::vector<std::string>> opt_strings(const Call& call, const std::string& field);
// Present and null (a field to clear): true.
bool is_null_field(const Call& call, const std::string& field);

// A "{name}" capture or query parameter; "" when absent.
std::string param(const Call& call, const std::string& name);
// A positive id from a "{id}" capture or query parameter (404 when it is not a number).
std::int64_t id_param(const Call& call, const std::string& name = "id");

// dd/mm/yyyy (or yyyy-mm-dd) → a date; 422 naming the field.
domain::LocalDate parse_date_field(const std::string& field, const std::string& text);
// Topic and form codes; 422 naming the field.
std::vector<std::string> checked_topics(const std::string& field, const std::vector<std::string>& codes);
std::string checked_form(const std::string& field, const std::string& code);
// A name (slot, report file): refuses "", "..", '/', '\\' and absolute paths (422).
std::string checked_name(const std::string& field, const std::string& name);
// The period a journal query or export asks for: `period` (2026Q1, 2026H1, 2026-03, 2026,
// 01/01/2026-15/02/2026), else `from`/`to` (dd/mm/yyyy; `from` alone runs to today or to
// itself when later, `to` alone starts today, neither is today). 422 naming the parameter.
exporting::Period requested_period(const Call& call, domain::LocalDate today);

// "a,b,c" → {"a","b","c"} (blank parts dropped).
std::vector<std::string> split_list(const std::string& text);

}  // namespace lp::api
