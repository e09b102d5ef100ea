#pragma once
// A real Server on 127.0.0.1 (ephemeral port) with its loop on a thread, a test Gate, and a
// blocking Beast client.

#include <boost/asio/io_context.hpp>
#include <boost/beast/http.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/Server.hpp"

namespace lp::test {

namespace bh = boost::beast::http;
using Response = bh::response<bh::string_body>;

// Bearer "admin-token" (admin), "viewer-token" (viewer); cookie "op-session" (operator,
// csrf "op-csrf").
class TestGate final : public auth::Gate {
public:
    std::optional<auth::Session> identify(std::string_view cookie, std::string_view bearer) override;
    std::vector<api::Route> routes() override { return {}; }
    void record_change(const api::Call& call, const api::Reply& reply) noexcept override;
    std::vector<std::string> changes() const;

private:
    mutable std::mutex mutex_;
    std::vector<std::string> changes_;
};

class Harness {
public:
    Harness(std::vector<api::Route> routes, http::ServerOptions options = {});
    ~Harness();
    std::uint16_t port() const { return port_; }
    boost::asio::io_context& io() { return io_; }
    http::Server& server() { return *server_; }
    TestGate gate;

    // One request on a fresh connection, from the loopback address `from` (127.0.0.0/8) when
    // given.
    Response request(const std::string& method, const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {}, const std::string& from = {});

private:
    boost::asio::io_context io_;
    std::unique_ptr<http::Server> server_;
    std::thread thread_;
    std::uint16_t port_ = 0;
};

api::Route make_route(std::string method, std::string pattern, auth::Permission permission, api::Handler handler,
                      bool on_worker = false, bool upload = false);

}  // namespace lp::test
