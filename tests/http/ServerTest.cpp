// The server over real sockets on 127.0.0.1: auth and CSRF, JSON limits, uploads (limit,
// sniffing, removal), Range, worker routes, static assets, errors, connection limit.
#include <gtest/gtest.h>

#include <boost/asio/read.hpp>

#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>

#include <atomic>
#include <fstream>
#include <future>
#include <thread>

#include "Harness.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {
namespace {

using auth::Permission;
using nlohmann::json;
namespace fs = std::filesystem;

std::string message_of(const Response& r) { return json::parse(r.body())["error"]["message"].get<std::string>(); }

api::Reply ok(json body) {
    api::Reply r;
    r.body = std::move(body);
    return r;
}

const std::map<std::string, std::string> admin{{"Authorization", "Bearer admin-token"}};
const std::map<std::string, std::string> json_admin{{"Authorization", "Bearer admin-token"},
                                                    {"Content-Type", "application/json"}};

TEST(HttpServer, CallerRolesAndCsrf) {
    Harness h({make_route("GET", "/api/status", Permission::read,
                          [](api::Call& c) {
                              return ok({{"who", c.caller.account}});
                          }),
               make_route("POST", "/api/media/{id}/tags", Permission::library,
                          [](api::Call& c) {
                              return ok({{"id", c.params.at("id")}, {"body", c.body}});
                          }),
               make_route("POST", "/api/login", Permission::read, [](api::Call&) {
                   return ok({{"login", true}});
               })});
    EXPECT_EQ(h.request("GET", "/api/status").result_int(), 401);
    EXPECT_EQ(message_of(h.request("GET", "/api/status")), "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.");
    EXPECT_EQ(h.request("GET", "/api/status", "", {{"Authorization", "Bearer wrong"}}).result_int(), 401);
    const auto viewer = h.request("GET", "/api/status", "", {{"Authorization", "Bearer viewer-token"}});
    EXPECT_EQ(viewer.result_int(), 200);
    EXPECT_EQ(json::parse(viewer.body())["who"], "xem");
    EXPECT_EQ(viewer["Cache-Control"], "no-store");
    EXPECT_EQ(viewer["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(viewer["Referrer-Policy"], "same-origin");
    EXPECT_EQ(viewer["Content-Security-Policy"], "default-src 'self'; media-src 'self' blob:; img-src 'self' data:");

    const std::string body = R"({"tags":["tin"]})";
    const std::map<std::string, std::string> viewer_json{{"Authorization", "Bearer viewer-token"},
                                                         {"Content-Type", "application/json"}};
    EXPECT_EQ(h.request("POST", "/api/media/4/tags", body, viewer_json).result_int(), 403);
    // A browser session must send its CSRF token on every change.
    std::map<std::string, std::string> cookie{{"Cookie", "theme=dark; lp_session=op-session"},
                                              {"Content-Type", "application/json"}};
    EXPECT_EQ(h.request("POST", "/api/media/4/tags", body, cookie).result_int(), 403);
    cookie["X-CSRF-Token"] = "wrong";
    EXPECT_EQ(h.request("POST", "/api/media/4/tags", body, cookie).result_int(), 403);
    cookie["X-CSRF-Token"] = "op-csrf";
    const auto done = h.request("POST", "/api/media/4/tags", body, cookie);
    ASSERT_EQ(done.result_int(), 200);
    EXPECT_EQ(json::parse(done.body())["id"], "4");
    EXPECT_EQ(json::parse(done.body())["body"]["tags"][0], "tin");
    // A bearer token (a script) needs no CSRF token.
    EXPECT_EQ(h.request("POST", "/api/media/5/tags", body, json_admin).result_int(), 200);
    // Login needs no caller.
    EXPECT_EQ(h.request("POST", "/api/login", "{}", {{"Content-Type", "application/json"}}).result_int(), 200);
    EXPECT_EQ(h.gate.changes(),
              (std::vector<std::string>{"vanhanh POST /api/media/4/tags 200", "quantri POST /api/media/5/tags 200",
                                        " POST /api/login 200"}));
}

TEST(HttpServer, NotFoundAndWrongMethod) {
    Harness h({make_route("GET", "/api/status", Permission::read, [](api::Call&) { return ok({}); })});
    const auto nf = h.request("GET", "/api/nothing", "", admin);
    EXPECT_EQ(nf.result_int(), 404);
    EXPECT_EQ(message_of(nf), "Không tìm thấy địa chỉ này.");
    EXPECT_EQ(h.request("DELETE", "/api/status", "", admin).result_int(), 405);
}

TEST(HttpServer, JsonLimits) {
    Harness h({make_route("POST", "/api/x", Permission::library, [](api::Call& c) { return ok(c.body); })});
    const auto big = h.request("POST", "/api/x", "\"" + std::string(2 * 1024 * 1024, 'a') + "\"", json_admin);
    EXPECT_EQ(big.result_int(), 413);
    EXPECT_EQ(message_of(big), "Nội dung JSON quá lớn (tối đa 1 MiB).");
    const auto bad = h.request("POST", "/api/x", R"({"a": )", json_admin);
    EXPECT_EQ(bad.result_int(), 400);
    EXPECT_NE(message_of(bad).find("Nội dung JSON không hợp lệ"), std::string::npos);
    const auto type =
        h.request("POST", "/api/x", "{}", {{"Authorization", "Bearer admin-token"}, {"Content-Type", "text/plain"}});
    EXPECT_EQ(type.result_int(), 415);
    EXPECT_EQ(h.request("POST", "/api/x", R"({"a":1})", json_admin).body(), R"({"a":1})");
}

TEST(HttpServer, HandlerErrors) {
    Harness h({make_route("GET", "/api/refused", Permission::read,
                          [](api::Call&) -> api::Reply { throw api::ApiError(422, "title", "Tiêu đề trống."); }),
               make_route("GET", "/api/broken", Permission::read,
                          [](api::Call&) -> api::Reply { throw std::runtime_error("disk on fire"); })});
    const auto refused = h.request("GET", "/api/refused", "", admin);
    EXPECT_EQ(refused.result_int(), 422);
    EXPECT_EQ(json::parse(refused.body()), json::parse(R"({"error":{"field":"title","message":"Tiêu đề trống."}})"));
    const auto broken = h.request("GET", "/api/broken", "", admin);
    EXPECT_EQ(broken.result_int(), 500);
    EXPECT_EQ(message_of(broken), "Đã có lỗi bên trong máy chủ; thao tác chưa được thực hiện.");
    EXPECT_EQ(h.request("GET", "/api/refused", "", admin).result_int(), 422);  // still serving
}

class Uploads : public ::testing::Test {
protected:
    TempDir dir;
    fs::path uploads = dir.path() / "uploads";
    std::vector<std::string> seen;
    std::mutex mutex;
    std::unique_ptr<Harness> h;

    void SetUp() override {
        http::ServerOptions o;
        o.upload_dir = uploads;
        o.upload_limit = 64 * 1024;
        h = std::make_unique<Harness>(std::vector<api::Route>{make_route(
                                          "POST", "/api/media", Permission::library,
                                          [this](api::Call& c) {
                                              std::ifstream in(*c.upload, std::ios::binary);
                                              const std::string data{std::istreambuf_iterator<char>(in), {}};
                                              EXPECT_EQ(fs::status(*c.upload).permissions() & fs::perms::all,
                                                        fs::perms::owner_read | fs::perms::owner_write);
                                              std::lock_guard lock{mutex};
                                              seen.push_back(c.upload_name + ":" + std::to_string(data.size()));
                                              return ok({{"bytes", data.size()}});
                                          },
                                          true, true)},
                                      o);
    }
    bool uploads_empty() { return !fs::exists(uploads) || fs::is_empty(uploads); }
};

std::string wav(std::size_t size) {
    std::string s = std::string("RIFF\x24\0\0\0WAVEfmt ", 16);
    s.resize(size, '\x01');
    return s;
}

TEST_F(Uploads, AudioReachesTheHandlerAndIsRemoved) {
    auto headers = admin;
    headers["X-File-Name"] = "b%E1%BA%A3n%20tin.wav";
    headers["Content-Type"] = "audio/wav";
    const auto r = h->request("POST", "/api/media", wav(40000), headers);
    ASSERT_EQ(r.result_int(), 200) << r.body();
    EXPECT_EQ(json::parse(r.body())["bytes"], 40000);
    EXPECT_EQ(seen, std::vector<std::string>{"bản tin.wav:40000"});
    EXPECT_TRUE(uploads_empty());
}

TEST_F(Uploads, OverTheLimitIs413AndLeavesNothing) {
    const auto r = h->request("POST", "/api/media", wav(200000), admin);
    EXPECT_EQ(r.result_int(), 413);
    EXPECT_EQ(message_of(r), "Tệp tải lên vượt quá dung lượng cho phép.");
    EXPECT_TRUE(seen.empty());
    EXPECT_TRUE(uploads_empty());
}

TEST_F(Uploads, NotAudioIs415) {
    const auto r = h->request("POST", "/api/media", "%PDF-1.7 not a sound at all", admin);
    EXPECT_EQ(r.result_int(), 415);
    EXPECT_NE(message_of(r).find("không phải là âm thanh"), std::string::npos);
    EXPECT_TRUE(seen.empty());
    EXPECT_TRUE(uploads_empty());
}

TEST(HttpServer, FileRepliesAnswerRanges) {
    TempDir dir;
    const fs::path file = dir.path() / "a.mp3";
    std::string data;
    for (int i = 0; i < 1000; ++i) data.push_back(static_cast<char>(i % 251));
    std::ofstream(file, std::ios::binary) << data;
    Harness h({make_route("GET", "/api/media/{id}/audio", Permission::read, [&](api::Call&) {
        api::Reply r;
        r.file = file;
        r.content_type = "audio/mpeg";
        r.download_name = "bản tin.mp3";
        return r;
    })});
    const auto whole = h.request("GET", "/api/media/1/audio", "", admin);
    EXPECT_EQ(whole.result_int(), 200);
    EXPECT_EQ(whole.body(), data);
    EXPECT_EQ(whole["Accept-Ranges"], "bytes");
    EXPECT_EQ(whole["Content-Type"], "audio/mpeg");
    EXPECT_EQ(whole["Content-Disposition"], "attachment; filename*=UTF-8''b%E1%BA%A3n%20tin.mp3");
    auto headers = admin;
    headers["Range"] = "bytes=100-199";
    const auto part = h.request("GET", "/api/media/1/audio", "", headers);
    EXPECT_EQ(part.result_int(), 206);
    EXPECT_EQ(part.body(), data.substr(100, 100));
    EXPECT_EQ(part["Content-Range"], "bytes 100-199/1000");
    headers["Range"] = "bytes=-10";
    EXPECT_EQ(h.request("GET", "/api/media/1/audio", "", headers).body(), data.substr(990));
    headers["Range"] = "bytes=1000-";
    const auto beyond = h.request("GET", "/api/media/1/audio", "", headers);
    EXPECT_EQ(beyond.result_int(), 416);
    EXPECT_EQ(beyond["Content-Range"], "bytes */1000");
}

// File replies go by sendfile(2) on plain TCP: a listener that stops reading holds neither the
// loop nor its connection beyond the idle timeout, and its reply never counts as sent.
TEST(HttpServer, AFileReplyToAClientThatStopsReadingIsDroppedAtTheIdleTimeout) {
    TempDir dir;
    const fs::path file = dir.path() / "big.mp3";
    std::string data(16 * 1024 * 1024, 'x');
    std::ofstream(file, std::ios::binary) << data;
    std::atomic<int> sent{0};
    http::ServerOptions options;
    options.idle_timeout = std::chrono::seconds(1);
    Harness h({make_route("GET", "/api/media/{id}/audio", Permission::read,
                          [&](api::Call&) {
                              api::Reply r;
                              r.file = file;
                              r.on_sent = [&](std::uint64_t, std::uint64_t) { ++sent; };
                              return r;
                          }),
               make_route("GET", "/api/ping", Permission::read,
                          [](api::Call&) {
                              return ok({{"ok", true}});
                          })},
              options);
    boost::asio::io_context io;
    boost::beast::tcp_stream stalled(io);
    stalled.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), h.port()));
    bh::request<bh::empty_body> req{bh::verb::get, "/api/media/1/audio", 11};
    req.set(bh::field::authorization, "Bearer admin-token");
    bh::write(stalled, req);  // and nothing read: the socket buffers fill
    const auto before = std::chrono::steady_clock::now();
    EXPECT_EQ(h.request("GET", "/api/ping", "", admin).result_int(), 200);
    EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::milliseconds(500));
    // Reading now finds the connection closed before the whole file came.
    boost::beast::flat_buffer buffer;
    bh::response_parser<bh::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    boost::beast::error_code ec;
    stalled.expires_after(std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // past the server's idle timeout
    bh::read(stalled, buffer, parser, ec);
    EXPECT_TRUE(ec) << "the stalled reply was cut";
    EXPECT_LT(parser.get().body().size(), data.size());
    EXPECT_EQ(sent, 0);
    const auto whole = h.request("GET", "/api/media/1/audio", "", admin);
    EXPECT_EQ(whole.body().size(), data.size());
    EXPECT_EQ(sent, 1);
}

// A listener that hangs up in the middle of a file (a browser's <audio> does it all the time):
// sendfile(2) has no MSG_NOSIGNAL, and without SIGPIPE ignored the whole process would die.
TEST(HttpServer, AClientHangingUpInTheMiddleOfAFileLeavesTheServerAnswering) {
    TempDir dir;
    const fs::path file = dir.path() / "big.mp3";
    std::ofstream(file, std::ios::binary) << std::string(32 * 1024 * 1024, 'x');
    Harness h({make_route("GET", "/api/media/{id}/audio", Permission::read,
                          [&](api::Call&) {
                              api::Reply r;
                              r.file = file;
                              return r;
                          }),
               make_route("GET", "/api/ping", Permission::read, [](api::Call&) {
                   return ok({{"ok", true}});
               })});
    for (int i = 0; i < 5; ++i) {
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket quitter(io);
        quitter.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), h.port()));
        bh::request<bh::empty_body> req{bh::verb::get, "/api/media/1/audio", 11};
        req.set(bh::field::authorization, "Bearer admin-token");
        bh::write(quitter, req);
        std::vector<char> some(256 * 1024);
        boost::asio::read(quitter, boost::asio::buffer(some));  // the transfer is under way
        quitter.set_option(boost::asio::socket_base::linger(true, 0));
        quitter.close();  // reset: the server's next sendfile finds the peer gone
        EXPECT_EQ(h.request("GET", "/api/ping", "", admin).result_int(), 200);
    }
}

TEST(HttpServer, WorkerRoutesDoNotBlockTheLoop) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    Harness h({make_route(
                   "GET", "/api/slow", Permission::read,
                   [released](api::Call&) {
                       released.wait();
                       return ok({{"slow", true}});
                   },
                   true),
               make_route("GET", "/api/quick", Permission::read, [](api::Call&) {
                   return ok({{"quick", true}});
               })});
    auto slow = std::async(std::launch::async, [&] { return h.request("GET", "/api/slow", "", admin); });
    // The slow handler waits on a worker; the loop still answers.
    EXPECT_EQ(h.request("GET", "/api/quick", "", admin).result_int(), 200);
    EXPECT_EQ(slow.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
    release.set_value();
    EXPECT_EQ(json::parse(slow.get().body())["slow"], true);
}

TEST(HttpServer, StaticAssetsOnlyFromTheMap) {
    TempDir dir;
    fs::create_directories(dir.path() / "web" / "css");
    std::ofstream(dir.path() / "web" / "index.html") << "<!doctype html><title>Loa phường</title>";
    std::ofstream(dir.path() / "web" / "css" / "app.css") << "body{}";
    std::ofstream(dir.path() / "secret.txt") << "secret";
    http::ServerOptions o;
    o.assets_dir = dir.path() / "web";
    Harness h({}, o);
    const auto index = h.request("GET", "/");
    EXPECT_EQ(index.result_int(), 200);
    EXPECT_EQ(index["Content-Type"], "text/html; charset=utf-8");
    EXPECT_NE(index.body().find("Loa phường"), std::string::npos);
    EXPECT_EQ(index["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(h.request("GET", "/css/app.css")["Content-Type"], "text/css; charset=utf-8");
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/css/../../secret.txt", "//etc/passwd",
                             "/etc/passwd", "/web/index.html", "/css", "/nothing.js", "/%2E%2E%2Fsecret.txt"})
        EXPECT_EQ(h.request("GET", path).result_int(), 404) << path;
    EXPECT_EQ(h.request("POST", "/", "x", {{"Content-Type", "text/plain"}}).result_int(), 405);
}

TEST(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection) {
    Harness h({make_route("GET", "/api/n", Permission::read, [](api::Call& c) { return ok({{"n", c.params["n"]}}); })});
    boost::asio::io_context io;
    boost::beast::tcp_stream stream(io);
    stream.connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), h.port()));
    boost::beast::flat_buffer buffer;
    for (int i = 0; i < 3; ++i) {
        bh::request<bh::empty_body> req{bh::verb::get, "/api/n?n=" + std::to_string(i), 11};
        req.set(bh::field::authorization, "Bearer admin-token");
        bh::write(stream, req);
        Response res;
        bh::read(stream, buffer, res);
        EXPECT_EQ(json::parse(res.body())["n"], std::to_string(i));
    }
}

}  // namespace
}  // namespace lp::test
