#pragma once
// The daemon's web side ([http]): the HTTP server with the API's routes, the accounts gate's
// routes, GET /healthz (public) and GET /metrics (Prometheus text), and the live events of
// /api/events: `status` (what GET /api/status answers) when the player moves and, while a
// page listens, whenever it changes; `journal` ({"id"}) for each row added or changed.
// Nothing here may end the daemon: a failing source is logged and the event skipped.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/Call.hpp"
#include "auth/Gate.hpp"
#include "config/Config.hpp"
#include "daemon/JournalFeed.hpp"
#include "http/Server.hpp"

namespace lp::daemon {

// Where the web side reads the daemon's state; each may be called on the loop only.
struct WebSources {
    std::function<nlohmann::json()> status;  // GET /api/status's body
    std::function<nlohmann::json()> health;  // HealthWiring::health_json(): {"status": "ok"|"degraded", ...}
    std::function<std::string()> metrics;    // Prometheus text
};

// GET /healthz, public: 200 {"status": "ok", ...} or 503 with the reasons when degraded.
api::Route health_route(std::function<nlohmann::json()> health);
// GET /metrics, `read` permission (a bearer token for Prometheus): text/plain version 0.0.4.
api::Route metrics_route(std::function<std::string()> metrics);

http::ServerOptions server_options(const config::Config& config);

class WebServer {
public:
    WebServer(boost::asio::io_context& io, const config::Config& config, auth::Gate& gate,
              std::vector<api::Route> routes, WebSources sources, sqlite::Database& db);
    void start();
    http::EventHub& events() { return server_.events(); }
    std::uint16_t port() const { return server_.port(); }
    // After a player event: `status` and `journal` events now.
    void player_changed();

private:
    void arm();
    void publish_status(bool only_if_changed);
    void publish_journal();

    WebSources sources_;
    http::Server server_;
    JournalFeed feed_;
    boost::asio::steady_timer timer_;
    std::string last_status_;
};

}  // namespace lp::daemon
