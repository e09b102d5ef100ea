#pragma once
// The daemon's web server set-up: options from [http], the routes (api/ and auth/ give them;
// until they land only GET /healthz), live events from the player. The daemon owns one when
// [http] is enabled.

#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "api/Call.hpp"
#include "auth/Gate.hpp"
#include "config/Config.hpp"
#include "http/Server.hpp"

namespace lp::daemon {

// Refuses every caller and serves no routes of its own: the placeholder until auth/ lands.
class RefuseAllGate final : public auth::Gate {
public:
    std::optional<auth::Session> identify(std::string_view, std::string_view) override { return std::nullopt; }
    std::vector<api::Route> routes() override { return {}; }
    void record_change(const api::Call&, const api::Reply&) noexcept override {}
};

// GET /healthz, public: {"status": "ok"}.
api::Route health_route();

http::ServerOptions server_options(const config::Config& config);

class WebServer {
public:
    WebServer(boost::asio::io_context& io, const config::Config& config, auth::Gate& gate,
              std::vector<api::Route> routes);
    void start() { server_.start(); }
    http::EventHub& events() { return server_.events(); }
    // After every player event: a "status" event with status_source()'s answer.
    void player_changed();

    std::function<nlohmann::json()> status_source = [] { return nlohmann::json::object(); };

private:
    http::Server server_;
};

}  // namespace lp::daemon
