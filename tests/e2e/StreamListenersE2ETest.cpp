// Stream listeners end to end: the real daemon airs an item to a real icecast2 through an
// icecast output with an admin account, two real listeners (curl) tune in while it airs, and
// the airing's journal row (read back with the real CLI's `journal list --json`) carries the
// mount's peak and mean from the daemon's own periodic samples.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <fstream>
#include <thread>

#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

// A daemon airing a `seconds`-long item at +2 s to the icecast output "web" (admin account,
// a sample a second), and the real CLI on its config.
struct Station {
    explicit Station(double seconds) {
        std::filesystem::create_directories(dir / "media");
        lp::test::make_audio(dir / "media" / "tin.mp3", seconds);
        const auto password = lp::test::IcecastServer::admin_password();
        std::ofstream(config)
            << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
               "[[output]]\nname = \"web\"\nkind = \"icecast\"\nurl = \"http://127.0.0.1:"
            << server.port() << "\"\npassword = \"" << password
            << "\"\nmount = \"/loa.mp3\"\nadmin_user = \"admin\"\nadmin_password = \"" << password
            << "\"\nlisteners_every = 1\n"
               "[[slot]]\nname = \"Sáng\"\nstart = \"+2s\"\noutputs = [\"web\"]\n"
               "[[slot.item]]\nfile = \"tin.mp3\"\ntitle = \"Tin CCHC\"\ntopic = \"m\"\nform = \"tin\"\n";
    }
    // The journal's only row as `journal list --json` gives it, once `ready` holds of it.
    template <class Ready>
    nlohmann::json row(Ready ready) {
        nlohmann::json found;
        for (int attempt = 0; attempt < 100; ++attempt) {
            const auto r =
                lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " journal list --json");
            EXPECT_EQ(r.exit_code, 0) << r.output;
            found = nlohmann::json::parse(r.output).at(0);
            if (ready(found)) break;
            std::this_thread::sleep_for(50ms);  // the daemon's write, polled through the CLI
        }
        return found;
    }
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    std::string config = (dir / "lp.toml").string();
};

std::unique_ptr<lp::test::Process> listener(const lp::test::IcecastServer& server) {
    return std::make_unique<lp::test::Process>(
        std::vector<std::string>{"curl", "-s", "-o", "/dev/null", server.listen_url("loa.mp3")});
}

TEST(StreamListenersE2E, TwoListenersTuningInDuringAnAiringGiveItsRowAPeakOfTwo) {
    Station station(6);
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", station.config});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("started on [web]", 20s)) << daemon.log();
    std::vector<std::unique_ptr<lp::test::Process>> listeners;
    listeners.push_back(listener(station.server));
    listeners.push_back(listener(station.server));
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin CCHC\" completed", 30s)) << daemon.log();
    listeners.clear();
    // The figures come back from the sampler's last sample after the row is closed.
    const auto row = station.row([](const nlohmann::json& r) { return !r.at("listeners").empty(); });
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

TEST(StreamListenersE2E, AnAiringCutByAStopKeepsItsListenerFigures) {
    Station station(30);
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", station.config});
    ASSERT_TRUE(daemon.wait_for_log("started on [web]", 20s)) << daemon.log();
    const auto one = listener(station.server);
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
    const auto row = station.row([](const nlohmann::json&) { return true; });
    EXPECT_EQ(row.at("status"), "interrupted");
    ASSERT_EQ(row.at("listeners").size(), 1u) << row.dump() << daemon.log();
    // Its start and its end are both sampled; on a loaded machine the start's fetch may come
    // before icecast lists the mount, and a failed sample is not counted.
    EXPECT_GE(row.at("listeners")[0].at("samples").get<int>(), 1) << "at least the end's sample";
}

}  // namespace
