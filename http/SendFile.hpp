#pragma once
// Sends a byte range of an open file on a TCP socket with sendfile(2): the kernel moves the
// pages from its cache to the socket, nothing is read into (or copied through) user space.
// The audio of the public listener goes this way (many listeners, Range requests of up to
// megabytes each): with a read into a string it cost about 6x nginx's CPU per GB.

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace lp::http {

// Writes what the socket takes now and waits for it to be writable again, on the socket's own
// executor, until `count` bytes from `offset` of `fd` are sent; `done` gets the error, if any.
// A client that takes nothing for `stall` is given up (error timed_out). `keep` is held until
// `done` has run (the file and the session that own `fd` and `socket`).
// Holds partial segments back (TCP_CORK) until async_send_file() ends, so that the reply's
// header goes out in one segment with the file's first bytes (as nginx's tcp_nopush).
void cork(boost::asio::ip::tcp::socket& socket);

void async_send_file(boost::asio::ip::tcp::socket& socket, int fd, std::uint64_t offset, std::uint64_t count,
                     std::chrono::steady_clock::duration stall, std::shared_ptr<void> keep,
                     std::function<void(boost::beast::error_code)> done);

}  // namespace lp::http
