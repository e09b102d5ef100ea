#pragma once
// The HTTP/1.1 server of the daemon (issue 11): listens on the daemon's io_context, parses and
// limits requests, identifies the caller through auth::Gate, runs api::Route handlers (on the
// loop, or on two worker threads for on_worker routes), serves the web page's static files,
// file replies with Range, and the /api/events stream. Never ends or blocks the loop.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/Call.hpp"
#include "auth/Gate.hpp"
#include "http/Assets.hpp"
#include "http/EventHub.hpp"
#include "http/Router.hpp"

namespace lp::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8480;       // 0: an ephemeral port (tests); see Server::port()
    std::filesystem::path tls_cert;  // both set: HTTPS
    std::filesystem::path tls_key;
    std::uint64_t upload_limit = 300ull * 1024 * 1024;
    std::uint64_t json_limit = 1024 * 1024;
    std::uint32_t header_limit = 16 * 1024;
    std::filesystem::path assets_dir;
    std::filesystem::path upload_dir;  // private temp folder (0700); made when missing
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds idle_timeout{60};
    std::chrono::seconds upload_timeout{600};
    std::chrono::seconds bind_retry{30};
    std::size_t max_connections = 64;
    std::size_t max_event_streams = 32;
    std::chrono::seconds keepalive{15};
    std::size_t workers = 2;
    // The public listen-again side (issue 13): no gate and no login, no operator paths, no
    // static assets, no uploads, no event stream; every path goes through the routes; a body
    // only as a small form (application/x-www-form-urlencoded, at most form_limit bytes), given
    // to the handler as a JSON object of strings; refusals as short Vietnamese HTML pages.
    bool open_site = false;
    std::string label = "web server";  // names the listener in the log
    std::uint64_t form_limit = 8 * 1024;
};

class Server {
public:
    Server(boost::asio::io_context& io, ServerOptions options, auth::Gate& gate, std::vector<api::Route> routes);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds (or retries every bind_retry while the port is taken) and accepts. Loop thread.
    void start();
    // The bound port (0 while not bound).
    std::uint16_t port() const { return bound_port_; }
    EventHub& events() { return *events_; }

    struct Shared;  // state the sessions share (outlives no session: sessions hold it by shared_ptr)

private:
    void try_bind();
    void accept();

    boost::asio::io_context& io_;
    std::shared_ptr<Shared> shared_;
    std::shared_ptr<EventHub> events_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_;
    std::uint16_t bound_port_ = 0;
};

}  // namespace lp::http
