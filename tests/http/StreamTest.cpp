// HTTPS with a self-signed pair made by openssl, and the /api/events stream.
#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdlib>

#include "Harness.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using nlohmann::json;

TEST(HttpTls, ServesHttpsWithTheConfiguredPair) {
    TempDir dir;
    const auto cert = dir.path() / "cert.pem";
    const auto key = dir.path() / "key.pem";
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
                           key.string() + " -out " + cert.string() + " 2>/dev/null")
                              .c_str()),
              0);
    http::ServerOptions o;
    o.tls_cert = cert;
    o.tls_key = key;
    Harness h({make_route("GET", "/api/status", auth::Permission::read,
                          [](api::Call&) {
                              api::Reply r;
                              r.body = {{"ok", true}};
                              return r;
                          })},
              o);
    asio::io_context io;
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    ctx.load_verify_file(cert.string());
    ctx.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, ctx);
    beast::get_lowest_layer(stream).connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), h.port()));
    stream.handshake(asio::ssl::stream_base::client);
    bh::request<bh::empty_body> req{bh::verb::get, "/api/status", 11};
    req.set(bh::field::authorization, "Bearer admin-token");
    bh::write(stream, req);
    beast::flat_buffer buffer;
    Response res;
    bh::read(stream, buffer, res);
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(json::parse(res.body())["ok"], true);
}

// Reads from `stream` until `text` arrives (the read has the deadline of the stream).
std::string read_until(beast::tcp_stream& stream, std::string& got, const std::string& text) {
    char buf[1024];
    while (got.find(text) == std::string::npos) {
        stream.expires_after(std::chrono::seconds(10));
        const auto n = stream.read_some(asio::buffer(buf));
        got.append(buf, n);
    }
    return got;
}

TEST(HttpEvents, ClientReceivesPublishedEvents) {
    Harness h({});
    EXPECT_EQ(h.request("GET", "/api/events").result_int(), 401);
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), h.port()));
    bh::request<bh::empty_body> req{bh::verb::get, "/api/events", 11};
    req.set(bh::field::authorization, "Bearer viewer-token");
    bh::write(stream, req);
    std::string got;
    read_until(stream, got, ": connected\n\n");
    EXPECT_TRUE(got.starts_with("HTTP/1.1 200 OK\r\n"));
    EXPECT_NE(got.find("Content-Type: text/event-stream"), std::string::npos);
    asio::post(h.io(), [&] { h.server().events().publish("status", {{"airing", "Bản tin sáng"}}); });
    read_until(stream, got, "event: status\ndata: {\"airing\":\"Bản tin sáng\"}\n\n");
}

}  // namespace
}  // namespace lp::test
