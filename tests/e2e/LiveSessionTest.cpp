// `loaphuong live start` / `live stop` end to end: the real CLI through the real daemon's API,
// a real icecast2 station fed by the ffmpeg CLI. The relay cuts the programme like an
// emergency, airs until the stop, is journaled by itself (tiếp sóng, the title, who started
// it, the seconds aired), and the cut item airs again after it. A second start while one is on
// is refused with the Vietnamese message, a stop with none on too.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <thread>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

TEST(LiveSession, ARelayStartedAndStoppedFromTheCliCutsInAndTheProgrammeResumes) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    const auto station = lp::test::tone_station(server, "vov1", dir / "station.log");
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "dai.wav", 4.0,
                         {.frequency = 610, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto port = lp::test::free_port();
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[http]\nlisten = \"127.0.0.1:"
                          << port
                          << "\"\ncli_token_file = \"cli.token\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+3s\"\n"
                             "[[slot.item]]\nfile = \"dai.wav\"\ntitle = \"Bài dài\"\n";
    const auto cli = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args + " 2>&1");
    };
    const auto sql = [&](const std::string& query) {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare(query);
        return st.step() ? st.text(0) : std::string("(none)");
    };
    ASSERT_TRUE(lp::test::wait_tcp_listening(server.port(), 5s));
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("web server: http://127.0.0.1:" + std::to_string(port), 30s)) << daemon.log();
    ASSERT_TRUE(lp::test::wait_for_status_file(dir / "var" / "lp.db", 20s)) << daemon.log();
    std::ofstream(dir / "pw") << "mật khẩu đủ dài của An\n";
    auto r = cli("user add an --role operator --password-file " + shell_quote((dir / "pw").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = cli("token add --for-cli --account an");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    r = cli("live stop");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có buổi trực tiếp, tiếp sóng nào đang phát."), std::string::npos) << r.output;

    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) started", 20s)) << daemon.log();
    r = cli("live start --source " + server.listen_url("vov1") + " --by 'Nguyễn Văn An' --title 'Thời sự VOV1'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã bắt đầu tiếp sóng \"Thời sự VOV1\""), std::string::npos) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" interrupted", 10s)) << daemon.log();

    r = cli("live start --source mic --by 'Trần Bình'");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Đang tiếp sóng \"Thời sự VOV1\" (Nguyễn Văn An, từ "), std::string::npos) << r.output;

    // The relay runs until the stop: its last known position (the seconds relayed, journaled
    // every 2 s) passes 2 s, polled with a deadline.
    for (const auto deadline = std::chrono::steady_clock::now() + 20s;
         std::atoi(sql("SELECT coalesce(played_ms, 0) FROM journal WHERE title = 'Thời sự VOV1'").c_str()) < 2000 &&
         std::chrono::steady_clock::now() < deadline;)
        std::this_thread::sleep_for(50ms);
    r = cli("live stop --json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output)["stopped"], true) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" completed", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    lp::sqlite::Database db(dir / "var" / "lp.db");
    auto st = db.prepare(
        "SELECT j.status, j.played_ms, j.ordered_by, l.kind, l.source, l.planned_ms, l.relayed_ms, j.seal IS NOT NULL "
        "FROM journal j JOIN journal_live l ON l.journal_id = j.id WHERE j.title = 'Thời sự VOV1'");
    ASSERT_TRUE(st.step()) << "no live row";
    EXPECT_EQ(st.text(2), "Nguyễn Văn An (tài khoản an)");
    EXPECT_EQ(st.text(3), "tiep_song");
    EXPECT_EQ(st.text(4), server.listen_url("vov1"));
    EXPECT_GE(st.integer(5), 2000) << "planned: what aired until the stop, not [live] max_length";
    EXPECT_LT(st.integer(5), 30000);
    EXPECT_EQ(st.integer(1), st.integer(6)) << "the row's seconds are the relayed ones";
    EXPECT_GE(st.integer(6), 1500);
    if (st.integer(6) + 150 >= st.integer(5)) {
        EXPECT_EQ(st.text(0), "completed");
    }
    EXPECT_EQ(st.integer(7), 1);
    EXPECT_EQ(sql("SELECT group_concat(status, ',') FROM (SELECT status FROM journal WHERE title = 'Bài dài' "
                  "ORDER BY id)"),
              "interrupted,completed")
        << "cut by the relay, aired again after it";
}

}  // namespace
