// The real loaphuongd serves /healthz and the web page over HTTP while it airs, and refuses
// API calls without a caller (the placeholder gate until accounts land).
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>

#include "tests/e2e/Daemon.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;

using lp::test::free_port;

bh::response<bh::string_body> get(unsigned short port, const std::string& target) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(10s);
    stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    bh::request<bh::empty_body> req{bh::verb::get, target, 11};
    req.set(bh::field::host, "127.0.0.1");
    bh::write(stream, req);
    beast::flat_buffer buffer;
    bh::response<bh::string_body> res;
    bh::read(stream, buffer, res);
    return res;
}

TEST(WebEndToEnd, DaemonServesHealthAndThePage) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "web");
    std::ofstream(dir / "web" / "index.html") << "<!doctype html><title>Loa phường</title>";
    const unsigned short port = free_port();
    std::ofstream(dir / "lp.toml") << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                                      "[http]\nlisten = \"127.0.0.1:"
                                   << port << "\"\nassets_dir = \"web\"\n[[output]]\nname = \"loa\"\nkind = \"null\"\n";
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", (dir / "lp.toml").string()});
    ASSERT_TRUE(daemon.wait_for_log("web server: http://127.0.0.1:" + std::to_string(port), 30s)) << daemon.log();
    const auto health = get(port, "/healthz");
    EXPECT_EQ(health.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(health.body())["status"], "ok");
    const auto page = get(port, "/");
    EXPECT_EQ(page.result_int(), 200);
    EXPECT_NE(page.body().find("Loa phường"), std::string::npos);
    EXPECT_EQ(get(port, "/api/events").result_int(), 401);  // no caller: the placeholder gate
    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
}

}  // namespace
