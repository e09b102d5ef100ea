#pragma once
// The daemon's public listen-again listener ([public], issue 13): its own http::Server in
// open-site mode with reach::PublicSide's routes only, so nothing of the operator's API, page,
// events or login is reachable from it. Off unless [public] is configured.

#include <boost/asio/io_context.hpp>

#include <memory>

#include "auth/Gate.hpp"
#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"
#include "http/Server.hpp"
#include "reach/PublicSide.hpp"

namespace lp::daemon {

http::ServerOptions public_server_options(const config::Config& config);

class PublicWeb {
public:
    PublicWeb(boost::asio::io_context& io, const config::Config& config, sqlite::Database& db);
    void start() { server_.start(); }
    std::uint16_t port() const { return server_.port(); }

private:
    // The open site identifies nobody; the server asks anyway.
    class NobodyGate final : public auth::Gate {
    public:
        std::optional<auth::Session> identify(std::string_view, std::string_view) override { return std::nullopt; }
        std::vector<api::Route> routes() override { return {}; }
        void record_change(const api::Call&, const api::Reply&) noexcept override {}
    };

    NobodyGate gate_;
    reach::PublicSide side_;
    http::Server server_;
};

}  // namespace lp::daemon
