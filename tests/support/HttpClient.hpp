#pragma once
// A blocking HTTP/1.1 client for tests against a real server on 127.0.0.1 (Beast), and a
// reader of a Server-Sent Events stream that waits for an event with a deadline.

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace lp::test {

using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;
using Headers = std::map<std::string, std::string>;

// One request on a fresh connection. A body is sent with Content-Length; a server that
// answers and closes before reading it (a refused upload) still yields its answer.
HttpResponse http_request(unsigned short port, const std::string& method, const std::string& target,
                          const std::string& body = {}, const Headers& headers = {});

struct ServerEvent {
    std::string event;  // "status", "journal", ...
    std::string data;
};

class EventReader {
public:
    // Opens GET `target` with `headers`; throws when the answer is not 200 text/event-stream.
    EventReader(unsigned short port, const std::string& target, const Headers& headers);
    // The next event named `name` (others are skipped), or nullopt when `timeout` passes.
    std::optional<ServerEvent> next(const std::string& name, std::chrono::milliseconds timeout);

private:
    std::optional<ServerEvent> parse_one();
    boost::asio::io_context io_;
    boost::beast::tcp_stream stream_;
    std::string pending_;
};

}  // namespace lp::test
