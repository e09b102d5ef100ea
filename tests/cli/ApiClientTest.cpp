// The CLI's link to the running daemon: the token file's checks, the API client over real HTTP
// and HTTPS against the real server and AccountsGate, and whether "the daemon runs".
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/ip/tcp.hpp>

#include <cstdlib>
#include <fstream>

#include "cli/ApiClient.hpp"
#include "cli/DaemonLink.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/TokenFile.hpp"
#include "tests/cli/ServedApi.hpp"

namespace lp::test {
namespace {

using cli::DaemonLinkError;

// The message of the DaemonLinkError `f` throws ("" when it throws none).
template <typename F>
std::string link_error(F&& f) {
    try {
        f();
    } catch (const DaemonLinkError& e) {
        return e.what();
    }
    return "";
}

std::filesystem::path token_file(const TempDir& dir, const std::string& text, mode_t mode) {
    const auto file = dir / "cli.token";
    std::filesystem::remove(file);
    std::ofstream(file) << text;
    ::chmod(file.c_str(), mode);
    return file;
}

TEST(TokenFile, ReadsTheFirstLineOfAGroupReadableFile) {
    TempDir dir;
    EXPECT_EQ(cli::read_token_file(token_file(dir, "lp_abc\n", 0640)), "lp_abc");
    EXPECT_EQ(cli::read_token_file(token_file(dir, "  lp_def  \r\nthừa\n", 0600)), "lp_def");
}

TEST(TokenFile, RefusesMissingEmptyAndWorldReadableFilesNamingThem) {
    TempDir dir;
    const auto missing = dir / "không-có.token";
    auto m = link_error([&] { cli::read_token_file(missing); });
    EXPECT_NE(m.find("chưa có tệp mã truy cập \"" + missing.string() + "\""), std::string::npos) << m;
    EXPECT_NE(m.find("loaphuong token add --for-cli"), std::string::npos) << m;

    m = link_error([&] { cli::read_token_file(token_file(dir, "\n", 0640)); });
    EXPECT_NE(m.find("trống"), std::string::npos) << m;

    for (const mode_t mode : {0644, 0604, 0642}) {
        m = link_error([&] { cli::read_token_file(token_file(dir, "lp_abc\n", mode)); });
        EXPECT_NE(m.find("mọi người dùng trên máy đều đọc hoặc sửa được"), std::string::npos) << mode << ": " << m;
        EXPECT_NE(m.find("chmod 0640 " + (dir / "cli.token").string()), std::string::npos) << m;
    }

    m = link_error([&] { cli::read_token_file(dir.path()); });
    EXPECT_NE(m.find("không phải một tệp thường"), std::string::npos) << m;
}

// As root (which reads any file) the check runs in a child that became `nobody`.
TEST(TokenFile, AnUnreadableFileSaysWhoMayReadIt) {
    TempDir dir;
    const auto file = token_file(dir, "lp_abc\n", 0000);
    if (::geteuid() != 0) {
        const auto m = link_error([&] { cli::read_token_file(file); });
        EXPECT_NE(m.find("không có quyền"), std::string::npos) << m;
        EXPECT_NE(m.find("nhóm loaphuong"), std::string::npos) << m;
        return;
    }
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(fds[0]);
        std::string m = "setuid failed";
        if (::setgid(65534) == 0 && ::setuid(65534) == 0) m = link_error([&] { cli::read_token_file(file); });
        (void)!::write(fds[1], m.data(), m.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string m;
    char buf[512];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) m.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_NE(m.find("không có quyền"), std::string::npos) << m;
    EXPECT_NE(m.find("nhóm loaphuong"), std::string::npos) << m;
}

TEST(ApiClient, SendsTheBearerTokenAndJsonToTheRealServer) {
    ServedApi served;
    const auto item = served.services.import_tone(440, "Tin thử");
    const cli::ApiClient client({"127.0.0.1", served.port(), {}}, served.token_for("lan", auth::Role::operator_));
    const auto added = client.send("POST", "/api/oneoffs", {{"item", item}, {"at", "now"}});
    ASSERT_EQ(added.status, 201) << added.body.dump();
    const auto list = client.send("GET", "/api/oneoffs");
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.body["oneoffs"].size(), 1u);
    EXPECT_EQ(list.body["oneoffs"][0]["id"], added.body["id"]);
    EXPECT_EQ(served.services.count("one_off"), 1);

    const auto bad = client.send("POST", "/api/oneoffs", {{"item", item}, {"at", "mai"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body["error"]["field"], "at");
    EXPECT_EQ(served.services.count("one_off"), 1);
}

TEST(ApiClient, AWrongTokenIs401AndARoleWithoutTheRightIs403) {
    ServedApi served;
    const auto item = served.services.import_tone(450, "Tin thử");
    const cli::ApiClient wrong({"127.0.0.1", served.port(), {}}, "lp_khongphaimathat");
    EXPECT_EQ(wrong.send("POST", "/api/oneoffs", {{"item", item}, {"at", "now"}}).status, 401);
    const cli::ApiClient viewer({"127.0.0.1", served.port(), {}}, served.token_for("xem", auth::Role::viewer));
    EXPECT_EQ(viewer.send("POST", "/api/oneoffs", {{"item", item}, {"at", "now"}}).status, 403);
    EXPECT_EQ(served.services.count("one_off"), 0);
}

TEST(ApiClient, NothingListeningIsADaemonLinkErrorNamingTheAddress) {
    boost::asio::io_context io;
    unsigned short port = 0;
    {
        boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
        port = a.local_endpoint().port();
    }
    const cli::ApiClient client({"127.0.0.1", port, {}}, "lp_x");
    const auto m = link_error([&] { client.send("GET", "/api/status"); });
    EXPECT_NE(m.find("không kết nối được tới http://127.0.0.1:" + std::to_string(port)), std::string::npos) << m;
    EXPECT_NE(m.find("Không có gì thay đổi"), std::string::npos) << m;
}

void make_pair(const std::filesystem::path& cert, const std::filesystem::path& key) {
    ASSERT_EQ(std::system(("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
                           "-subj /CN=loaphuong -keyout " +
                           key.string() + " -out " + cert.string() + " 2>/dev/null")
                              .c_str()),
              0);
}

TEST(ApiClient, SpeaksTlsTrustingOnlyTheConfiguredCertificate) {
    TempDir dir;
    make_pair(dir / "cert.pem", dir / "key.pem");
    make_pair(dir / "other.pem", dir / "other-key.pem");
    http::ServerOptions o;
    o.tls_cert = dir / "cert.pem";
    o.tls_key = dir / "key.pem";
    ServedApi served(o);
    const auto token = served.token_for("an", auth::Role::admin);
    const cli::ApiClient client({"127.0.0.1", served.port(), dir / "cert.pem"}, token);
    const auto status = client.send("GET", "/api/oneoffs");
    EXPECT_EQ(status.status, 200) << status.body.dump();

    const cli::ApiClient other({"127.0.0.1", served.port(), dir / "other.pem"}, token);
    const auto m = link_error([&] { other.send("GET", "/api/oneoffs"); });
    EXPECT_NE(m.find("chứng chỉ TLS của loaphuongd không khớp với tls_cert \"" + (dir / "other.pem").string()),
              std::string::npos)
        << m;
    const cli::ApiClient plain({"127.0.0.1", served.port(), {}}, token);
    EXPECT_NE(link_error([&] { plain.send("GET", "/api/oneoffs"); }).find("không kết nối được"), std::string::npos);
}

TEST(DaemonLink, RunsWhenTheStatusFileNamesALiveProcess) {
    TempDir dir;
    config::Config c;
    c.database = dir / "lp.db";
    c.http.cli_token_file = token_file(dir, "lp_abc\n", 0640);
    EXPECT_FALSE(cli::daemon_running(c));
    EXPECT_FALSE(cli::daemon_api(c));  // not running: the command writes the database itself
    const auto status = dir / "lp.db.status.json";
    std::ofstream(status) << "{\"pid\": " << ::getpid() << "}";
    EXPECT_TRUE(cli::daemon_running(c));
    EXPECT_TRUE(cli::daemon_api(c));
    c.http.enabled = false;
    EXPECT_FALSE(cli::daemon_api(c));  // runs without [http]: as before, the database
    c.http.enabled = true;
    c.http.cli_token_file = dir / "không-có.token";
    EXPECT_NE(link_error([&] { cli::daemon_api(c); }).find("chưa có tệp mã truy cập"), std::string::npos);

    std::ofstream(status, std::ios::trunc) << "{\"pid\": 2147483000}";  // no such process
    EXPECT_FALSE(cli::daemon_running(c));
    std::ofstream(status, std::ios::trunc) << "hỏng";
    EXPECT_FALSE(cli::daemon_running(c));
}

}  // namespace
}  // namespace lp::test
