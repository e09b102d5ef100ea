#pragma once
// A small blocking HTTP(S) client for loaphuongd's API (docs/api.md): one request per
// connection, a bearer token, JSON in and out. Plain HTTP to the [http] listener, or TLS when
// the config has tls_cert, verified against that very certificate (pinned; no system CAs).

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

namespace lp::cli {

struct Endpoint {
    std::string host;  // as in [http] listen; 0.0.0.0 / [::] mean this machine
    std::uint16_t port = 0;
    std::filesystem::path tls_cert;  // non-empty: HTTPS, trusting only this certificate
};

struct ApiResponse {
    int status = 0;
    nlohmann::json body;  // parsed JSON; null when the answer was not JSON
};

class ApiClient {
public:
    ApiClient(Endpoint endpoint, std::string token, std::chrono::seconds timeout = std::chrono::seconds(60));

    // Sends `method target` with `body` as JSON (none for GET). Throws DaemonLinkError when the
    // daemon cannot be reached, the TLS certificate does not match, or the answer is not HTTP.
    ApiResponse send(const std::string& method, const std::string& target,
                     const nlohmann::json& body = nlohmann::json::object()) const;

    // "http://127.0.0.1:8480" (for messages).
    std::string address() const;

private:
    Endpoint endpoint_;
    std::string token_;
    std::chrono::seconds timeout_;
};

}  // namespace lp::cli
