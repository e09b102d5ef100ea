#include "reach/IcecastProbe.hpp"

#include <sodium.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <stdexcept>

namespace lp::reach {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using boost::asio::ip::tcp;

std::string base64(const std::string& text) {
    std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.find('\0'));
    return out;
}

// The last colon splits "host:port" ("[::1]:8000" included).
std::pair<std::string, std::string> split(const std::string& server) {
    const auto colon = server.rfind(':');
    if (colon == std::string::npos) return {server, "80"};
    auto host = server.substr(0, colon);
    if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
    return {host, server.substr(colon + 1)};
}

}  // namespace

int fetch_listeners(const StatsSource& source, std::chrono::milliseconds timeout) {
    return mount_listeners(fetch_stats(source, timeout), source.mount);
}

std::string fetch_stats(const StatsSource& source, std::chrono::milliseconds timeout) {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(4 * 1024 * 1024);
    http::request<http::empty_body> request{http::verb::get, "/admin/stats", 11};
    const auto [host, port] = split(source.server);
    request.set(http::field::host, source.server);
    request.set(http::field::user_agent, "loaphuongd");
    request.set(http::field::authorization, "Basic " + base64(source.user + ":" + source.password));
    request.set(http::field::connection, "close");

    // One deadline for the whole exchange: resolve, connect, write and read run on this io.
    boost::system::error_code failure;
    tcp::resolver resolver(io);
    stream.expires_after(timeout);
    resolver.async_resolve(
        host, port, [&](const boost::system::error_code& resolved, tcp::resolver::results_type found) {
            if (resolved) return void(failure = resolved);
            stream.async_connect(found, [&](const boost::system::error_code& connected, const tcp::endpoint&) {
                if (connected) return void(failure = connected);
                http::async_write(stream, request, [&](const boost::system::error_code& written, std::size_t) {
                    if (written) return void(failure = written);
                    http::async_read(stream, buffer, parser, [&](const boost::system::error_code& ec, std::size_t) {
                        if (ec) failure = ec;
                    });
                });
            });
        });
    // The resolver has no deadline of its own: stop everything when the time is up.
    io.run_for(timeout + std::chrono::milliseconds{100});
    if (!io.stopped() || failure == beast::error::timeout)
        throw std::runtime_error("http://" + source.server + "/admin/stats: no answer within " +
                                 std::to_string(timeout.count()) + " ms");
    if (failure) throw std::runtime_error("http://" + source.server + "/admin/stats: " + failure.message());
    const auto& response = parser.get();
    if (response.result() != http::status::ok)
        throw std::runtime_error("http://" + source.server + "/admin/stats answered " +
                                 std::to_string(response.result_int()) +
                                 (response.result() == http::status::unauthorized ? " (wrong admin account?)" : ""));
    return response.body();
}

}  // namespace lp::reach
