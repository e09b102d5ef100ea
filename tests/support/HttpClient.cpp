#include "tests/support/HttpClient.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>

#include <stdexcept>

namespace lp::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {
tcp::endpoint loopback(unsigned short port) { return {asio::ip::make_address("127.0.0.1"), port}; }
}  // namespace

HttpResponse http_request(unsigned short port, const std::string& method, const std::string& target,
                          const std::string& body, const Headers& headers) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(30));
    stream.connect(loopback(port));
    bh::request<bh::string_body> req{bh::string_to_verb(method), target, 11};
    req.set(bh::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        req.body() = body;
        req.prepare_payload();
    }
    beast::error_code ec;
    bh::write(stream, req, ec);  // the server may answer and close before reading a refused body
    beast::flat_buffer buffer;
    bh::response_parser<bh::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    bh::read(stream, buffer, parser);
    return parser.release();
}

EventReader::EventReader(unsigned short port, const std::string& target, const Headers& headers) : stream_(io_) {
    stream_.expires_after(std::chrono::seconds(10));
    stream_.connect(loopback(port));
    std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
    req += "\r\n";
    asio::write(stream_, asio::buffer(req));
    asio::read_until(stream_, asio::dynamic_buffer(pending_), "\r\n\r\n");
    const auto end = pending_.find("\r\n\r\n");
    const std::string head = pending_.substr(0, end);
    pending_.erase(0, end + 4);
    if (!head.starts_with("HTTP/1.1 200") || head.find("text/event-stream") == std::string::npos)
        throw std::runtime_error("not an event stream: " + head);
}

std::optional<ServerEvent> EventReader::parse_one() {
    const auto end = pending_.find("\n\n");
    if (end == std::string::npos) return std::nullopt;
    const std::string block = pending_.substr(0, end);
    pending_.erase(0, end + 2);
    ServerEvent e;
    std::size_t at = 0;
    while (at <= block.size()) {
        auto nl = block.find('\n', at);
        if (nl == std::string::npos) nl = block.size();
        const std::string line = block.substr(at, nl - at);
        if (line.starts_with("event: ")) e.event = line.substr(7);
        if (line.starts_with("data: ")) e.data += line.substr(6);
        at = nl + 1;
    }
    return e;
}

std::optional<ServerEvent> EventReader::next(const std::string& name, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        while (auto e = parse_one())
            if (e->event == name) return e;
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) return std::nullopt;
        stream_.expires_after(left);
        char chunk[4096];
        beast::error_code ec;
        const auto n = stream_.read_some(asio::buffer(chunk), ec);
        if (ec) return std::nullopt;
        pending_.append(chunk, n);
    }
}

}  // namespace lp::test
