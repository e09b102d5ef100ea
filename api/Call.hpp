#pragma once
// The contract between the HTTP server (http/, which parses, authenticates, checks the
// route's permission and the CSRF token) and the API handlers (api/, which know the library,
// schedule, journal and reports). Handlers never see sockets, cookies or raw paths; the
// server never knows what a route does.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/Role.hpp"

namespace lp::api {

struct Caller {
    std::string account;  // account name, recorded with every state change
    auth::Role role = auth::Role::viewer;
    bool by_token = false;  // a bearer token (a script), not a browser session
    // The browser session the request came in (an opaque handle from auth::Gate::identify, not
    // the cookie); empty for a bearer token. POST /api/logout ends this one session.
    std::string session;
};

struct Call {
    std::string method;                         // "GET", "POST", "PUT", "PATCH", "DELETE"
    std::string path;                           // as requested, without the query
    std::map<std::string, std::string> params;  // "{name}" captures of the route, then query parameters
    nlohmann::json body;                        // parsed JSON body; null when there is none
    // Uploads (routes with `upload = true`): the server streams the body into this file in a
    // private temporary folder, within the size limit, and removes it after the handler.
    std::optional<std::filesystem::path> upload;
    std::string upload_name;  // client's file name: for the title only, never a path
    Caller caller;
    std::string client;      // the peer's address, for rate limits; never stored with a person's data
    std::string user_agent;  // the User-Agent header (the public side tells clients apart by it); never stored
};

struct Reply {
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
    // A file to send instead of `body` (listen to an item, download an export). The server
    // answers Range requests on it. Only paths the handler took from the library or the
    // export it just wrote; never a path derived from the request.
    std::optional<std::filesystem::path> file;
    // A text body to send instead of `body` (Prometheus metrics), with `content_type`.
    std::optional<std::string> text;
    std::string content_type;        // for `file` and `text`
    std::string download_name;       // Content-Disposition attachment name (UTF-8), empty = inline
    bool remove_file_after = false;  // a temporary export
    // Extra response headers (Set-Cookie at login, Retry-After on 429, Location).
    std::vector<std::pair<std::string, std::string>> headers;
    // For `file`: called on the loop once the bytes [first, first + count) of the file have
    // been written to the client in full (a whole or partial answer; never for HEAD or 416).
    // The public side counts listens by it.
    std::function<void(std::uint64_t first, std::uint64_t count)> on_sent;
};

// A refused request: 4xx with {"error": {"field": field, "message": message}}. `message` is
// Vietnamese, for the operator; `field` names the JSON field or parameter at fault ("" when
// the request as a whole is refused).
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string field, const std::string& message)
        : std::runtime_error(message), status_(status), field_(std::move(field)) {}
    int status() const { return status_; }
    const std::string& field() const { return field_; }

private:
    int status_;
    std::string field_;
};

using Handler = std::function<Reply(Call&)>;

struct Route {
    std::string method;   // "GET", "POST", ...
    std::string pattern;  // "/api/media/{id}": "{name}" matches one path segment
    auth::Permission permission = auth::Permission::read;
    // true: runs on a worker thread (imports, reports, exports, TTS) with its own database
    // connection, so the loop never waits for it; false: runs on the loop, must be quick.
    bool on_worker = false;
    bool upload = false;  // the body is a file (any content type), not JSON
    Handler handler;
};

}  // namespace lp::api
