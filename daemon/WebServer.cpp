#include "daemon/WebServer.hpp"

#include "daemon/Logging.hpp"

namespace lp::daemon {

api::Route health_route() {
    return api::Route{
        "GET", "/healthz", auth::Permission::read,
        false, false,      [](api::Call&) { return api::Reply{200, {{"status", "ok"}}, {}, {}, {}, false, {}}; }};
}

http::ServerOptions server_options(const config::Config& config) {
    logger("http");  // the server logs through the daemon's "http" logger
    http::ServerOptions o;
    o.host = config.http.host;
    o.port = static_cast<std::uint16_t>(config.http.port);
    o.tls_cert = config.http.tls_cert;
    o.tls_key = config.http.tls_key;
    o.upload_limit = static_cast<std::uint64_t>(config.http.upload_limit_mb) * 1024 * 1024;
    o.assets_dir = config.http.assets_dir.empty() ? std::filesystem::path(LP_WEB_DIR) : config.http.assets_dir;
    o.upload_dir = config.database.parent_path() / "uploads.tmp";
    return o;
}

namespace {
std::vector<api::Route> with_health(std::vector<api::Route> routes) {
    routes.push_back(health_route());
    return routes;
}
}  // namespace

WebServer::WebServer(boost::asio::io_context& io, const config::Config& config, auth::Gate& gate,
                     std::vector<api::Route> routes)
    : server_(io, server_options(config), gate, with_health(std::move(routes))) {}

void WebServer::player_changed() {
    try {
        server_.events().publish("status", status_source());
    } catch (const std::exception& e) {
        logger("http")->warn("status event not published: {}", e.what());
    }
}

}  // namespace lp::daemon
