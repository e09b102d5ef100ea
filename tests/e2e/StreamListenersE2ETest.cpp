// Stream listeners end to end: the real daemon airs an item to a real icecast2 through an
// icecast output with an admin account, two real listeners (curl) tune in while it airs, and
// the airing's journal row (read back with the real CLI's `journal list --json`) carries the
// mount's peak and mean from the daemon's own periodic samples.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <fstream>

#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

TEST(StreamListenersE2E, TwoListenersTuningInDuringAnAiringGiveItsRowAPeakOfTwo) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "tin.mp3", 6);
    const auto config = (dir / "lp.toml").string();
    const auto password = lp::test::IcecastServer::admin_password();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
                             "[[output]]\nname = \"web\"\nkind = \"icecast\"\nurl = \"http://127.0.0.1:"
                          << server.port() << "\"\npassword = \"" << password
                          << "\"\nmount = \"/loa.mp3\"\nadmin_user = \"admin\"\nadmin_password = \"" << password
                          << "\"\nlisteners_every = 1\n"
                             "[[slot]]\nname = \"Sáng\"\nstart = \"+2s\"\noutputs = [\"web\"]\n"
                             "[[slot.item]]\nfile = \"tin.mp3\"\ntitle = \"Tin CCHC\"\ntopic = \"m\"\nform = \"tin\"\n";

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("started on [web]", 20s)) << daemon.log();
    std::vector<std::unique_ptr<lp::test::Process>> listeners;
    for (int i = 0; i < 2; ++i)
        listeners.push_back(std::make_unique<lp::test::Process>(
            std::vector<std::string>{"curl", "-s", "-o", "/dev/null", server.listen_url("loa.mp3")}));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin CCHC\" completed", 30s)) << daemon.log();
    listeners.clear();

    // The figures come back from the sampler's last sample after the row is closed.
    const auto cli = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args);
    };
    nlohmann::json row;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const auto r = cli("journal list --json");
        ASSERT_EQ(r.exit_code, 0) << r.output;
        row = nlohmann::json::parse(r.output).at(0);
        if (!row.at("listeners").empty()) break;
        std::this_thread::sleep_for(50ms);  // the daemon's write, polled through the CLI
    }
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    EXPECT_EQ(row.at("status"), "completed");
    ASSERT_EQ(row.at("listeners").size(), 1u) << row.dump();
    const auto& web = row.at("listeners")[0];
    EXPECT_EQ(web.at("output"), "web");
    EXPECT_EQ(web.at("peak"), 2) << "both listeners were counted while it aired";
    EXPECT_GE(web.at("samples").get<int>(), 5) << "start, about one a second over 6 s, end";
    EXPECT_GT(web.at("mean").get<double>(), 0.0);
    EXPECT_LE(web.at("mean").get<double>(), 2.0);
}

}  // namespace
