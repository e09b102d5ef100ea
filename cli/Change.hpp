#pragma once
// A command that changes state: through loaphuongd's API when the daemon runs, else on the
// database directly; the operator's message, or the result as JSON with --json.
//
//     if (via_daemon(c, {"DELETE", "/api/oneoffs/" + id}, json, text)) return;
//     ... the same change on the database ...
//     print_result({{"cancelled", id}}, json, text);

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

#include "cli/Context.hpp"

namespace lp::cli {

struct ApiRequest {
    std::string method;  // "POST", "PATCH", "DELETE", ...
    std::string target;  // "/api/oneoffs/5"
    nlohmann::json body = nlohmann::json::object();
};

// The operator's message for a result (the API's JSON answer, or the same shape made locally).
using ResultText = std::function<std::string(const nlohmann::json&)>;

// When the daemon runs: sends the request and prints the answer; true. False when it does not
// run, or does not serve this route yet (an older daemon: said on stderr), and the caller
// writes the database as before. A refused request throws OperatorError (4xx, with the
// API's Vietnamese message; with --json the API's error body is printed too), DaemonLinkError
// (no usable token, 401/403, unreachable) or std::runtime_error (5xx); nothing was changed.
bool via_daemon(const Context& context, const ApiRequest& request, bool json, const ResultText& text);

// With --json the result itself (one line of JSON), else text(result).
void print_result(const nlohmann::json& result, bool json, const ResultText& text);

// "--json": print the result as JSON (the API's shape) for scripts.
void add_json_flag(CLI::App* command, bool& json);

// "/api/media/12" style paths.
std::string api_path(const std::string& prefix, std::int64_t id, const std::string& suffix = "");
// A name as one path segment, percent-encoded ("Sáng" → "S%C3%A1ng").
std::string path_segment(const std::string& text);

}  // namespace lp::cli
