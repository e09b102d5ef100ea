#pragma once
// Checks for the network addresses inside output settings (an Icecast server URL, an RTP/UDP
// destination host), so that a bad one stops the daemon with the config's file:line:key message
// instead of failing later inside FFmpeg.

#include <optional>
#include <string>
#include <string_view>

namespace lp::config::detail {

// Why `host` is not a host name (RFC 1123), a dotted IPv4 address or a bracketed IPv6 address
// ("[ff02::1]"); nullopt when it is one.
std::optional<std::string> host_problem(std::string_view host);

struct HttpServer {
    std::string host;
    int port = 8000;  // Icecast's default
};

// Parses "http://HOST[:PORT][/]". Returns the reason in `problem` when it is not one.
struct HttpServerParse {
    std::optional<HttpServer> server;
    std::string problem;
};
HttpServerParse parse_http_server(std::string_view url);

}  // namespace lp::config::detail
