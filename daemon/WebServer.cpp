#include "daemon/WebServer.hpp"

#include "daemon/Logging.hpp"

namespace lp::daemon {
namespace {

using namespace std::chrono_literals;

// While a page listens, status and journal changes that no player event announced (dead air,
// a row the CLI wrote) reach it within this time.
constexpr auto refresh_every = 2s;

std::vector<api::Route> with(std::vector<api::Route> routes, WebSources& s) {
    routes.push_back(health_route(s.health));
    routes.push_back(metrics_route(s.metrics));
    return routes;
}

}  // namespace

api::Route health_route(std::function<nlohmann::json()> health) {
    return api::Route{"GET", "/healthz", auth::Permission::read, false, false, [health](api::Call&) {
                          api::Reply r;
                          r.body = health();
                          if (!r.body.is_object() || !r.body.contains("status")) r.body = {{"status", "starting"}};
                          r.status = r.body["status"] == "ok" ? 200 : 503;
                          return r;
                      }};
}

api::Route metrics_route(std::function<std::string()> metrics) {
    return api::Route{"GET", "/metrics", auth::Permission::read, false, false, [metrics](api::Call&) {
                          api::Reply r;
                          r.text = metrics();
                          r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                          return r;
                      }};
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

WebServer::WebServer(boost::asio::io_context& io, const config::Config& config, auth::Gate& gate,
                     std::vector<api::Route> routes, WebSources sources, sqlite::Database& db)
    : sources_(std::move(sources)),
      server_(io, server_options(config), gate, with(std::move(routes), sources_)),
      feed_(db),
      timer_(io) {}

void WebServer::start() {
    server_.start();
    arm();
}

void WebServer::arm() {
    timer_.expires_after(refresh_every);
    timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        if (events().streams() > 0) {
            publish_journal();
            publish_status(true);
        }
        arm();
    });
}

void WebServer::player_changed() {
    publish_journal();
    publish_status(false);
}

void WebServer::publish_status(bool only_if_changed) {
    try {
        auto status = sources_.status();
        auto compare = status;
        compare.erase("now");
        if (compare.contains("playing") && compare["playing"].is_object()) compare["playing"].erase("position_s");
        auto text = compare.dump();
        if (only_if_changed && text == last_status_) return;
        last_status_ = std::move(text);
        events().publish("status", status);
    } catch (const std::exception& e) {
        logger("http")->warn("status event not published: {}", e.what());
    }
}

void WebServer::publish_journal() {
    try {
        for (const auto id : feed_.changed()) events().publish("journal", {{"id", id}});
    } catch (const std::exception& e) {
        logger("http")->warn("journal events not published: {}", e.what());
    }
}

}  // namespace lp::daemon
