#include "Harness.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>

#include <future>

namespace lp::test {

namespace asio = boost::asio;
namespace beast = boost::beast;

std::optional<auth::Session> TestGate::identify(std::string_view cookie, std::string_view bearer) {
    if (bearer == "admin-token") return auth::Session{{"quantri", auth::Role::admin, true, ""}, ""};
    if (bearer == "viewer-token") return auth::Session{{"xem", auth::Role::viewer, true, ""}, ""};
    if (cookie == "op-session")
        return auth::Session{{"vanhanh", auth::Role::operator_, false, "op-session"}, "op-csrf"};
    return std::nullopt;
}

void TestGate::record_change(const api::Call& call, const api::Reply& reply) noexcept {
    std::lock_guard lock{mutex_};
    changes_.push_back(call.caller.account + " " + call.method + " " + call.path + " " + std::to_string(reply.status));
}

std::vector<std::string> TestGate::changes() const {
    std::lock_guard lock{mutex_};
    return changes_;
}

Harness::Harness(std::vector<api::Route> routes, http::ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<http::Server>(io_, std::move(options), gate, std::move(routes));
    server_->start();
    port_ = server_->port();
    thread_ = std::thread([this] {
        auto guard = asio::make_work_guard(io_);
        io_.run();
    });
}

Harness::~Harness() {
    io_.stop();
    thread_.join();
    server_.reset();
}

Response Harness::request(const std::string& method, const std::string& target, const std::string& body,
                          const std::map<std::string, std::string>& headers, const std::string& from) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    if (!from.empty()) {
        stream.socket().open(asio::ip::tcp::v4());
        stream.socket().bind(asio::ip::tcp::endpoint(asio::ip::make_address(from), 0));
    }
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    bh::request<bh::string_body> req{bh::string_to_verb(method), target, 11};
    req.set(bh::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    if (!body.empty() || method != "GET") req.prepare_payload();
    beast::error_code ec;
    bh::write(stream, req, ec);  // the server may answer and close before reading a refused body
    beast::flat_buffer buffer;
    bh::response_parser<bh::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bh::read(stream, buffer, parser);
    return parser.release();
}

api::Route make_route(std::string method, std::string pattern, auth::Permission permission, api::Handler handler,
                      bool on_worker, bool upload) {
    return api::Route{std::move(method), std::move(pattern), permission, on_worker, upload, std::move(handler)};
}

}  // namespace lp::test
