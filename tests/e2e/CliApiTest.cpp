// `loaphuong` against the real loaphuongd over real HTTP: with the daemon running, one-offs and
// stop now go through its API under the account of the token `token add --for-cli` wrote; a
// missing token file stops the command with nothing changed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <thread>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

using lp::test::free_port;

TEST(CliThroughTheDaemon, OneOffsAndStopGoThroughTheApiUnderTheTokensAccount) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "dai.wav", 20.0,
                         {.frequency = 610, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "khan.wav", 1.0,
                         {.frequency = 1210, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto port = free_port();
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[http]\nlisten = \"127.0.0.1:"
                          << port
                          << "\"\ncli_token_file = \"cli.token\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+2s\"\n"
                             "[[slot.item]]\nfile = \"dai.wav\"\ntitle = \"Bài dài\"\n"
                             "[[slot]]\nname = \"Dự phòng\"\nstart = \"+3600s\"\n"
                             "[[slot.item]]\nfile = \"khan.wav\"\ntitle = \"Thông báo khẩn\"\n";
    const auto cli = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args + " 2>&1");
    };
    const auto count = [&](const std::string& sql) {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare(sql);
        st.step();
        return st.text(0);
    };

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("web server: http://127.0.0.1:" + std::to_string(port), 30s)) << daemon.log();
    ASSERT_TRUE(lp::test::wait_for_status_file(dir / "var" / "lp.db", 20s)) << daemon.log();
    std::ofstream(dir / "pw") << "mật khẩu đủ dài của An\n";
    auto r = cli("user add an --role operator --password-file " + shell_quote((dir / "pw").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // The daemon runs, no token file yet: refused, nothing changed.
    const auto khan = count("SELECT id FROM media_item WHERE title = 'Thông báo khẩn'");
    r = cli("oneoff add --item " + khan + " --at now --by 'Chủ tịch'");
    EXPECT_EQ(r.exit_code, 4) << r.output;
    EXPECT_NE(r.output.find("chưa có tệp mã truy cập"), std::string::npos) << r.output;
    EXPECT_EQ(count("SELECT count(*) FROM one_off"), "0");

    r = cli("token add --for-cli --account an");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) started", 20s)) << daemon.log();
    r = cli("oneoff stop --reason 'Thử dừng' --json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output), nlohmann::json({{"stopped", true}})) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" interrupted", 10s)) << daemon.log();

    r = cli("oneoff add --item " + khan + " --at now --priority khan-cap --json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(nlohmann::json::parse(r.output)["id"].is_number_integer()) << r.output;
    EXPECT_EQ(count("SELECT created_by FROM one_off"), "an");
    ASSERT_TRUE(daemon.wait_for_log("airing \"Thông báo khẩn\" completed", 20s)) << r.output << daemon.log();

    daemon.signal(SIGTERM);
    EXPECT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
    EXPECT_EQ(count("SELECT status FROM journal WHERE title = 'Bài dài' ORDER BY id LIMIT 1"), "interrupted");
}

}  // namespace
