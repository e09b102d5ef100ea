// The real daemon with both listeners: a resident's rating and comment sent on the public side
// waits for review, reaches the operator's API only once an approver approved it, and then
// shows on the item page escaped; a rejected one never shows. The item is one the daemon
// journaled itself (a row an unclean stop left open, closed interrupted at start).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "tests/e2e/PublicDaemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/HttpClient.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::Headers;
using lp::test::http_request;
using nlohmann::json;
namespace fs = std::filesystem;

class PublicFeedback : public ::testing::Test {
protected:
    void SetUp() override {
        port = lp::test::free_port();
        public_port = lp::test::free_port();
        lp::test::write_public_config(dir.path(), {port, public_port});
        std::ofstream(dir / "pw") << "mat-khau-thu-nghiem\n";
        lp::test::make_audio(dir / "tin.mp3", 3);
        cli("media add " + lp::test::shell_quote((dir / "tin.mp3").string()) +
            " --title 'Thủ tục <đất đai>' --topic b --form tin");
        for (const auto& [name, role] : {std::pair{"duyet", "approver"}, std::pair{"xem", "viewer"}}) {
            cli(std::string("user add ") + name + " --role " + role + " --password-file " +
                lp::test::shell_quote((dir / "pw").string()));
            const auto file = dir / (std::string(name) + ".token");
            cli(std::string("token add --account ") + name + " --label e2e -o " + lp::test::shell_quote(file.string()));
            std::ifstream in(file);
            std::getline(in, tokens[name]);
        }
        lp::test::open_airings_of_every_item(dir / "lp.db");
        lp::test::start_public_daemon(daemon, LP_DAEMON, dir.path(), {port, public_port});
    }
    void TearDown() override {
        daemon->signal(SIGTERM);
        EXPECT_EQ(daemon->wait_exit(20s), 0) << daemon->log();
    }
    void cli(const std::string& args) {
        const auto r = lp::test::run_command(std::string(LP_CLI) + " --config " +
                                             lp::test::shell_quote((dir / "lp.toml").string()) + " " + args);
        ASSERT_EQ(r.exit_code, 0) << args << "\n" << r.output;
    }
    Headers bearer(const std::string& name, bool json_body = false) {
        Headers h{{"Authorization", "Bearer " + tokens.at(name)}};
        if (json_body) h["Content-Type"] = "application/json";
        return h;
    }
    lp::test::HttpResponse send(const std::string& form) {
        return http_request(public_port, "POST", "/tin/1/y-kien", form,
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    json api(const std::string& method, const std::string& target, const std::string& as) {
        const auto r = http_request(port, method, target, method == "GET" ? "" : "{}", bearer(as, method != "GET"));
        EXPECT_LT(r.result_int(), 300) << method << " " << target << " " << r.body();
        return json::parse(r.body(), nullptr, false);
    }

    lp::test::TempDir dir;
    unsigned short port = 0;
    unsigned short public_port = 0;
    std::map<std::string, std::string> tokens;
    std::unique_ptr<lp::test::DaemonProcess> daemon;
};

TEST_F(PublicFeedback, ReviewedBeforeTheOperatorOrAnyoneSeesIt) {
    const auto page = http_request(public_port, "GET", "/");
    ASSERT_EQ(page.result_int(), 200);
    ASSERT_NE(page.body().find("Thủ tục &lt;đất đai&gt;"), std::string::npos) << page.body();
    ASSERT_EQ(send("rating=5&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E+R%E1%BA%A5t+r%C3%B5+r%C3%A0ng").result_int(),
              200);
    ASSERT_EQ(send("rating=1&comment=spam").result_int(), 200);

    EXPECT_TRUE(api("GET", "/api/feedback", "xem")["feedback"].empty());
    EXPECT_EQ(http_request(port, "GET", "/api/feedback/pending", "", bearer("xem")).result_int(), 403);
    const auto pending = api("GET", "/api/feedback/pending", "duyet")["feedback"];
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[1]["comment"], "<script>alert(1)</script> Rất rõ ràng");
    EXPECT_EQ(pending[1]["rating"], 5);
    EXPECT_TRUE(pending[1]["recorded_by"].is_null());
    EXPECT_EQ(
        http_request(port, "POST", "/api/feedback/" + pending[1]["id"].dump() + "/approve", "{}", bearer("xem", true))
            .result_int(),
        403);
    api("POST", "/api/feedback/" + pending[1]["id"].dump() + "/approve", "duyet");
    api("POST", "/api/feedback/" + pending[0]["id"].dump() + "/reject", "duyet");

    const auto shown = api("GET", "/api/feedback", "xem")["feedback"];
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0]["decided_by"], "duyet");
    const auto item = http_request(public_port, "GET", "/tin/1").body();
    EXPECT_NE(item.find("&lt;script&gt;alert(1)&lt;/script&gt; Rất rõ ràng"), std::string::npos) << item;
    EXPECT_EQ(item.find("<script>"), std::string::npos);
    EXPECT_EQ(item.find("spam"), std::string::npos);
}

}  // namespace
