// The API over real HTTP against the real loaphuongd: the role matrix over every route the
// daemon serves (each role allowed or refused exactly as auth::permits says), the bad-input
// list (no caller, missing CSRF token, wrong content type, malformed and huge JSON, non-audio
// and oversize uploads, paths in names, a logged-out session), live updates on /api/events,
// and /healthz and /metrics. The public listen-again listener of the same daemon ([public])
// serves none of the operator's routes, whoever calls.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <set>

#include "api/Routes.hpp"
#include "auth/AccountsGate.hpp"
#include "db/Store.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/HttpClient.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::auth::Role;
using lp::test::Headers;
using lp::test::http_request;
using nlohmann::json;
namespace fs = std::filesystem;

// Only the routes' list is read: the handlers of this copy are never called.
class ListOnlyServices final : public lp::api::Services {
public:
    explicit ListOnlyServices(lp::config::Config& c) : config_(c) {}
    lp::sqlite::Database& database() override { throw std::logic_error("list only"); }
    fs::path database_path() const override { return config_.database; }
    std::shared_ptr<const lp::config::Config> config() const override {
        return std::make_shared<const lp::config::Config>(config_);
    }
    void rules_changed() override {}
    void rules_changed_from_worker() override {}
    bool stop_now(const std::string&) override { return false; }
    std::optional<lp::playout::LiveSessionInfo> live_session() override { return std::nullopt; }
    void live_begun(lp::playout::LiveSessionInfo) override {}
    bool end_live() override { return false; }
    json now_playing() override { return nullptr; }
    json next_up() override { return nullptr; }
    json outputs() override { return json::array(); }
    std::int64_t journal_waiting() override { return 0; }
    void publish(std::string_view, const json&) override {}

private:
    lp::config::Config& config_;
};

struct RouteKey {
    std::string method;
    std::string pattern;
    lp::auth::Permission permission;
};

class ApiOverHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = std::make_unique<lp::test::TempDir>();
        fs::create_directories(*dir / "media");
        port = lp::test::free_port();
        public_port = lp::test::free_port();
        std::ofstream(*dir / "lp.toml") << "[daemon]\ndatabase = \"lp.db\"\nmedia_dir = \"media\"\n"
                                           "[http]\nlisten = \"127.0.0.1:"
                                        << port
                                        << "\"\nupload_limit_mb = 1\n"
                                           "[public]\nlisten = \"127.0.0.1:"
                                        << public_port << "\"\nbase_url = \"http://127.0.0.1:" << public_port
                                        << "\"\n[[output]]\nname = \"loa\"\nkind = \"null\"\n";
        std::ofstream(*dir / "pw") << "mat-khau-thu-nghiem\n";
        for (const auto& [name, role] : accounts) {
            cli("user add " + name + " --role " + role + " --password-file " +
                lp::test::shell_quote((*dir / "pw").string()));
            const auto file = *dir / (name + ".token");
            cli("token add --account " + name + " --label e2e -o " + lp::test::shell_quote(file.string()));
            std::ifstream in(file);
            std::getline(in, tokens[name]);
        }
        daemon = std::make_unique<lp::test::DaemonProcess>(
            LP_DAEMON, std::vector<std::string>{"--config", (*dir / "lp.toml").string()});
        ASSERT_TRUE(daemon->wait_for_log("web server: http://127.0.0.1:" + std::to_string(port), 30s)) << daemon->log();
        ASSERT_TRUE(
            daemon->wait_for_log("public listen-again side: http://127.0.0.1:" + std::to_string(public_port), 30s))
            << daemon->log();
    }
    static void TearDownTestSuite() {
        daemon->signal(SIGTERM);
        EXPECT_EQ(daemon->wait_exit(20s), 0) << daemon->log();
        daemon.reset();
        dir.reset();
    }

    static void cli(const std::string& args) {
        const auto r = lp::test::run_command(std::string(LP_CLI) + " --config " +
                                             lp::test::shell_quote((*dir / "lp.toml").string()) + " " + args);
        ASSERT_EQ(r.exit_code, 0) << args << "\n" << r.output;
    }

    static Headers bearer(const std::string& account, Headers more = {}) {
        more["Authorization"] = "Bearer " + tokens.at(account);
        return more;
    }
    static Headers as_json(Headers h) {
        h["Content-Type"] = "application/json";
        return h;
    }

    static std::vector<RouteKey> served_routes() {
        lp::config::Config c;
        c.database = *dir / "lp.db";
        ListOnlyServices services(c);
        std::vector<RouteKey> out;
        for (const auto& r : lp::api::routes(services)) out.push_back({r.method, r.pattern, r.permission});
        lp::auth::AccountsGate gate(c.database, false);
        for (const auto& r : gate.routes()) out.push_back({r.method, r.pattern, r.permission});
        return out;
    }

    static std::string fill(std::string pattern) {
        for (const auto& [name, value] : {std::pair{"{id}", "987654"}, std::pair{"{name}", "khong-co"}}) {
            for (auto at = pattern.find(name); at != std::string::npos; at = pattern.find(name))
                pattern.replace(at, std::string(name).size(), value);
        }
        return pattern;
    }

    static json body_of(const lp::test::HttpResponse& r) { return json::parse(r.body(), nullptr, false); }

    static inline std::unique_ptr<lp::test::TempDir> dir;
    static inline std::unique_ptr<lp::test::DaemonProcess> daemon;
    static inline unsigned short port = 0;
    static inline unsigned short public_port = 0;
    static inline const std::vector<std::pair<std::string, std::string>> accounts = {
        {"quantri", "admin"}, {"vanhanh", "operator"}, {"duyet", "approver"}, {"xem", "viewer"}};
    static inline std::map<std::string, std::string> tokens;
};

TEST_F(ApiOverHttp, EveryRouteAllowsAndRefusesEachRoleAsThePermissionsSay) {
    const std::map<std::string, Role> roles = {
        {"xem", Role::viewer}, {"duyet", Role::approver}, {"vanhanh", Role::operator_}, {"quantri", Role::admin}};
    const auto routes = served_routes();
    ASSERT_GT(routes.size(), 30u);
    int allowed = 0;
    int refused = 0;
    // Least powerful first; logout last (it may end what it is called with).
    for (const auto* name : {"xem", "duyet", "vanhanh", "quantri"}) {
        for (const auto& r : routes) {
            if (r.pattern == "/api/logout" || r.pattern == "/api/events" || r.pattern == "/api/login") continue;
            const auto target = fill(r.pattern);
            const bool write = r.method != "GET";
            const auto res =
                http_request(port, r.method, target, write ? "{}" : "", write ? as_json(bearer(name)) : bearer(name));
            const int status = res.result_int();
            SCOPED_TRACE(std::string(name) + " " + r.method + " " + target + " -> " + std::to_string(status) + " " +
                         res.body());
            if (lp::auth::permits(roles.at(name), r.permission)) {
                EXPECT_NE(status, 401);
                EXPECT_NE(status, 403);
                EXPECT_LT(status, 500);
                ++allowed;
            } else {
                EXPECT_EQ(status, 403);
                EXPECT_EQ(body_of(res)["error"]["message"], "Tài khoản của bạn không có quyền thực hiện thao tác này.");
                ++refused;
            }
        }
    }
    EXPECT_GT(allowed, 0);
    EXPECT_GT(refused, 0);
    // Without any caller, every route but the public ones is 401.
    for (const auto& r : routes) {
        if (r.pattern == "/api/login") continue;
        const auto res = http_request(port, r.method, fill(r.pattern), r.method == "GET" ? "" : "{}",
                                      r.method == "GET" ? Headers{} : as_json({}));
        EXPECT_EQ(res.result_int(), 401) << r.method << " " << r.pattern;
    }
}

TEST_F(ApiOverHttp, BadRequestsAreRefusedWithTheirReasonAndChangeNothing) {
    // A browser session: the cookie alone is not enough to change anything.
    const auto login =
        http_request(port, "POST", "/api/login", R"({"name":"vanhanh","password":"mat-khau-thu-nghiem"})", as_json({}));
    ASSERT_EQ(login.result_int(), 200) << login.body();
    const std::string set_cookie(login[boost::beast::http::field::set_cookie]);
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    const std::string csrf = body_of(login)["csrf"];
    const json oneoffs_before = body_of(http_request(port, "GET", "/api/oneoffs", "", {{"Cookie", cookie}}));

    const auto no_csrf =
        http_request(port, "POST", "/api/oneoffs", R"({"item":1,"at":"now"})", as_json({{"Cookie", cookie}}));
    EXPECT_EQ(no_csrf.result_int(), 403);
    const auto wrong_csrf = http_request(port, "POST", "/api/oneoffs", R"({"item":1,"at":"now"})",
                                         as_json({{"Cookie", cookie}, {"X-CSRF-Token", csrf + "x"}}));
    EXPECT_EQ(wrong_csrf.result_int(), 403);

    const Headers op = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
    auto with_type = [&](const std::string& type) {
        auto h = op;
        h["Content-Type"] = type;
        return h;
    };
    EXPECT_EQ(
        http_request(port, "POST", "/api/oneoffs", R"({"item":1,"at":"now"})", with_type("text/plain")).result_int(),
        415);
    const auto malformed =
        http_request(port, "POST", "/api/oneoffs", R"({"item":1,"at":)", with_type("application/json"));
    EXPECT_EQ(malformed.result_int(), 400);
    EXPECT_FALSE(body_of(malformed)["error"]["message"].get<std::string>().empty());
    const std::string huge = R"({"note":")" + std::string(2 * 1024 * 1024, 'a') + R"("})";
    EXPECT_EQ(http_request(port, "POST", "/api/oneoffs", huge, with_type("application/json")).result_int(), 413);
    const auto wrong_type =
        http_request(port, "POST", "/api/oneoffs", R"({"item":"mot","at":"now"})", with_type("application/json"));
    EXPECT_GE(wrong_type.result_int(), 400);
    EXPECT_LT(wrong_type.result_int(), 500);
    EXPECT_EQ(body_of(wrong_type)["error"]["field"], "item");
    const auto missing = http_request(port, "POST", "/api/oneoffs", R"({"at":"now"})", with_type("application/json"));
    EXPECT_EQ(body_of(missing)["error"]["field"], "item");

    // Uploads: not audio (415), over the 1 MB limit (413); nothing reaches the library.
    auto upload = op;
    upload["Content-Type"] = "application/octet-stream";
    upload["X-File-Name"] = "../../etc/passwd";
    EXPECT_EQ(http_request(port, "POST", "/api/media", "%PDF-1.7 not a sound", upload).result_int(), 415);
    EXPECT_EQ(http_request(port, "POST", "/api/media", std::string(2 * 1024 * 1024, 'R'), upload).result_int(), 413);
    const auto media = body_of(http_request(port, "GET", "/api/media", "", op));
    EXPECT_TRUE(media["items"].empty()) << media.dump();

    // Names never reach the file system: traversal and absolute names in a report name.
    for (const auto* name : {"..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..", "khong-co.xlsx"}) {
        const auto r = http_request(port, "GET", std::string("/api/reports/") + name, "", op);
        EXPECT_TRUE(r.result_int() == 404 || r.result_int() == 422 || r.result_int() == 400)
            << name << " " << r.result_int();
        EXPECT_EQ(r.body().find("root:"), std::string::npos);
    }
    EXPECT_EQ(http_request(port, "GET", "/../../etc/passwd").result_int(), 404);

    // Nothing changed by any of the above.
    EXPECT_EQ(body_of(http_request(port, "GET", "/api/oneoffs", "", op)), oneoffs_before);

    // After logout the session is gone.
    EXPECT_EQ(http_request(port, "POST", "/api/logout", "{}", as_json(op)).result_int(), 200);
    EXPECT_EQ(http_request(port, "GET", "/api/status", "", op).result_int(), 401);
}

TEST_F(ApiOverHttp, LiveUpdatesCarryStatusAndNewJournalRows) {
    lp::test::EventReader events(port, "/api/events", bearer("xem"));

    // Upload, approve, air now (an emergency: ordinary one-offs wait for the next slot): the
    // journal row reaches the listener.
    const auto tone = *dir / "thong-bao.wav";
    lp::test::AudioOptions sine;
    sine.frequency = 523.0;
    lp::test::make_audio(tone, 2.0, sine);
    std::ifstream in(tone, std::ios::binary);
    const std::string audio((std::istreambuf_iterator<char>(in)), {});
    auto h = bearer("vanhanh");
    h["Content-Type"] = "audio/wav";
    h["X-File-Name"] = "thong-bao.wav";
    const auto up = http_request(port, "POST", "/api/media?topic=a&form=thong_bao", audio, h);
    ASSERT_EQ(up.result_int(), 201) << up.body();
    const auto item = body_of(up)["item"]["id"].get<std::int64_t>();
    const auto ok =
        http_request(port, "POST", "/api/media/" + std::to_string(item) + "/approve", "{}", as_json(bearer("duyet")));
    ASSERT_EQ(ok.result_int(), 200) << ok.body();
    const auto order =
        http_request(port, "POST", "/api/oneoffs", json{{"item", item}, {"at", "now"}, {"priority", "khan-cap"}}.dump(),
                     as_json(bearer("vanhanh")));
    ASSERT_EQ(order.result_int(), 201) << order.body();

    const auto row_event = events.next("journal", 30s);
    ASSERT_TRUE(row_event) << daemon->log();
    const auto id = json::parse(row_event->data)["id"].get<std::int64_t>();
    const auto status = events.next("status", 30s);
    ASSERT_TRUE(status);
    EXPECT_TRUE(json::parse(status->data).contains("outputs"));
    // The row is in the journal with that id, its title from the upload.
    bool seen = false;
    for (int tries = 0; tries < 100 && !seen; ++tries) {
        const auto rows = body_of(http_request(port, "GET", "/api/journal", "", bearer("xem")))["rows"];
        for (const auto& r : rows)
            if (r["id"] == id && r["media_item_id"] == item) seen = true;
        if (!seen) events.next("journal", 1s);
    }
    EXPECT_TRUE(seen);
}

TEST_F(ApiOverHttp, HealthIsPublicAndMetricsNeedACaller) {
    const auto health = http_request(port, "GET", "/healthz");
    EXPECT_TRUE(health.result_int() == 200 || health.result_int() == 503);
    EXPECT_TRUE(body_of(health).contains("status"));
    EXPECT_EQ(http_request(port, "GET", "/metrics").result_int(), 401);
    const auto metrics = http_request(port, "GET", "/metrics", "", bearer("xem"));
    ASSERT_EQ(metrics.result_int(), 200);
    EXPECT_NE(std::string(metrics[boost::beast::http::field::content_type]).find("text/plain"), std::string::npos);
    EXPECT_NE(metrics.body().find("# TYPE"), std::string::npos);
    EXPECT_NE(metrics.body().find("loaphuong_"), std::string::npos);
}

TEST_F(ApiOverHttp, ThePublicListenerServesNothingOfTheOperatorsSide) {
    const auto page = http_request(public_port, "GET", "/");
    ASSERT_EQ(page.result_int(), 200);
    EXPECT_NE(page.body().find("Nghe lại tin, bài cải cách hành chính"), std::string::npos);
    EXPECT_EQ(http_request(public_port, "GET", "/rss.xml").result_int(), 200);
    auto routes = served_routes();
    routes.push_back({"GET", "/healthz", lp::auth::Permission::read});
    routes.push_back({"GET", "/metrics", lp::auth::Permission::read});
    routes.push_back({"GET", "/index.html", lp::auth::Permission::read});
    for (const auto& r : routes) {
        const auto target = fill(r.pattern);
        const bool write = r.method != "GET";
        for (const auto& headers : {Headers{}, bearer("quantri")}) {
            const auto res =
                http_request(public_port, r.method, target, write ? "{}" : "", write ? as_json(headers) : headers);
            EXPECT_EQ(res.result_int(), 404) << r.method << " " << target;
            EXPECT_EQ(res.body().find("\"error\""), std::string::npos) << res.body();
        }
    }
    // The same paths on the operator's listener are there (and ask who calls).
    EXPECT_EQ(http_request(port, "GET", "/api/status").result_int(), 401);
}

}  // namespace
