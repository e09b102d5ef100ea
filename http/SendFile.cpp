#include "http/SendFile.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>

#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <mutex>

namespace lp::http {
namespace {

namespace asio = boost::asio;
using boost::asio::ip::tcp;
using Cork = asio::detail::socket_option::boolean<IPPROTO_TCP, TCP_CORK>;

struct Transfer : std::enable_shared_from_this<Transfer> {
    Transfer(tcp::socket& s, int f, std::uint64_t at, std::uint64_t n, std::chrono::steady_clock::duration limit,
             std::shared_ptr<void> k, std::function<void(boost::beast::error_code)> d)
        : socket(s),
          fd(f),
          offset(static_cast<off_t>(at)),
          left(n),
          stall(limit),
          timer(s.get_executor()),
          keep(std::move(k)),
          done(std::move(d)) {}

    void step() {
        while (left > 0) {
            // At most 1 MiB a call, so one listener's request cannot hold the loop long.
            const auto n = ::sendfile(socket.native_handle(), fd, &offset,
                                      static_cast<std::size_t>(std::min<std::uint64_t>(left, 1 << 20)));
            if (n > 0) {
                left -= static_cast<std::uint64_t>(n);
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return wait();
            // 0: the file is shorter than it was (truncated under us).
            return finish(n == 0 ? boost::beast::error_code(asio::error::eof)
                                 : boost::beast::error_code(errno, boost::system::system_category()));
        }
        finish({});
    }

    void wait() {
        timer.expires_after(stall);
        timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
            if (!ec) {
                self->timed_out = true;
                boost::system::error_code ignored;
                self->socket.cancel(ignored);
            }
        });
        socket.async_wait(tcp::socket::wait_write, [self = shared_from_this()](const boost::system::error_code& ec) {
            self->timer.cancel();
            if (self->timed_out) return self->finish(asio::error::timed_out);
            if (ec) return self->finish(ec);
            self->step();
        });
    }

    void finish(boost::beast::error_code ec) {
        boost::system::error_code ignored;
        socket.set_option(Cork(false), ignored);  // sends what the cork held
        auto d = std::move(done);
        d(ec);
    }

    tcp::socket& socket;
    int fd;
    off_t offset;
    std::uint64_t left;
    std::chrono::steady_clock::duration stall;
    asio::steady_timer timer;
    bool timed_out = false;
    std::shared_ptr<void> keep;
    std::function<void(boost::beast::error_code)> done;
};

}  // namespace

void cork(tcp::socket& socket) {
    boost::system::error_code ignored;  // without it, only an extra segment
    socket.set_option(Cork(true), ignored);
}

void async_send_file(tcp::socket& socket, int fd, std::uint64_t offset, std::uint64_t count,
                     std::chrono::steady_clock::duration stall, std::shared_ptr<void> keep,
                     std::function<void(boost::beast::error_code)> done) {
    // sendfile(2) has no MSG_NOSIGNAL (Asio's own sends use it): a listener hanging up in the
    // middle of a file would raise SIGPIPE and end the process, sound and all. EPIPE is enough.
    static std::once_flag ignore_sigpipe;
    std::call_once(ignore_sigpipe, [] { std::signal(SIGPIPE, SIG_IGN); });
    boost::system::error_code ec;
    socket.non_blocking(true, ec);
    if (ec) return done(ec);
    std::make_shared<Transfer>(socket, fd, offset, count, stall, std::move(keep), std::move(done))->step();
}

}  // namespace lp::http
