// `loaphuong live start` / `live stop` end to end: the real CLI through the real daemon's API,
// a real icecast2 station fed by the ffmpeg CLI. The relay cuts the programme like an
// emergency, airs until the stop, is journaled by itself (tiếp sóng, the title, who started
// it, the seconds aired), and the cut item airs again after it. A second start while one is on
// is refused with the Vietnamese message, a stop with none on too.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <fstream>
#include <regex>
#include <thread>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/Slowdown.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

// The real daemon on a config of `tables` (outputs, slots, [live]) with [http] on a free port,
// and the real CLI linked to it under the operator account "an".
struct LinkedDaemon {
    const lp::test::TempDir& dir;
    std::string config = (dir / "lp.toml").string();
    int port = lp::test::free_port();
    std::unique_ptr<lp::test::DaemonProcess> daemon;

    LinkedDaemon(const lp::test::TempDir& d, const std::string& tables) : dir(d) {
        std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nlisten = "
                                 "\"127.0.0.1:"
                              << port << "\"\ncli_token_file = \"cli.token\"\n"
                              << tables;
    }
    lp::test::CommandResult cli(const std::string& args) const {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args + " 2>&1");
    }
    std::string sql(const std::string& query) const {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare(query);
        return st.step() ? st.text(0) : std::string("(none)");
    }
    // Starts the daemon and links the CLI; empty, or what went wrong.
    std::string start() {
        daemon = std::make_unique<lp::test::DaemonProcess>(LP_DAEMON, std::vector<std::string>{"--config", config});
        if (!daemon->wait_for_log("web server: http://127.0.0.1:" + std::to_string(port), 30s) ||
            !lp::test::wait_for_status_file(dir / "var" / "lp.db", 20s))
            return daemon->log();
        std::ofstream(dir / "pw") << "mật khẩu đủ dài của An\n";
        for (const auto& args : {"user add an --role operator --password-file " + shell_quote((dir / "pw").string()),
                                 std::string("token add --for-cli --account an")})
            if (const auto r = cli(args); r.exit_code != 0) return r.output;
        return {};
    }
    // Polls, with a deadline, until the row titled `title` has aired `ms` (its last known
    // position, journaled every 2 s).
    void wait_aired(const std::string& title, int ms) const {
        for (const auto deadline = std::chrono::steady_clock::now() + 20s;
             std::atoi(sql("SELECT coalesce(played_ms, 0) FROM journal WHERE title = '" + title + "'").c_str()) < ms &&
             std::chrono::steady_clock::now() < deadline;)
            std::this_thread::sleep_for(50ms);
    }
};

// A station "vov1" on a real icecast2, and a linked daemon with one null output.
struct StationAndDaemon {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    std::unique_ptr<lp::test::Process> station = lp::test::tone_station(server, "vov1", dir / "station.log");
    LinkedDaemon linked{dir, "[[output]]\nname = \"loa\"\nkind = \"null\"\n"};
    // Empty, or what went wrong.
    std::string start() {
        if (!lp::test::wait_tcp_listening(server.port(), 5s)) return "icecast2 never listened";
        return linked.start();
    }
};

TEST(LiveSession, ARelayStartedAndStoppedFromTheCliCutsInAndTheProgrammeResumes) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    const auto station = lp::test::tone_station(server, "vov1", dir / "station.log");
    std::filesystem::create_directories(dir / "media");
    // Long enough that the relay, ordered by a CLI run after it started, always cuts it (4 s did
    // not under sanitizers on a loaded machine: the CLI's run took 5 s and the item ended first).
    lp::test::make_audio(dir / "media" / "dai.wav", 12.0,
                         {.frequency = 610, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    LinkedDaemon linked(dir,
                        "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                        "[[slot]]\nname = \"Bản tin\"\nstart = \"+3s\"\n"
                        "[[slot.item]]\nfile = \"dai.wav\"\ntitle = \"Bài dài\"\n");
    const auto cli = [&](const std::string& args) { return linked.cli(args); };
    const auto sql = [&](const std::string& query) { return linked.sql(query); };
    ASSERT_TRUE(lp::test::wait_tcp_listening(server.port(), 5s));
    ASSERT_EQ(linked.start(), "");
    auto& daemon = *linked.daemon;

    auto r = cli("live stop");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có buổi trực tiếp, tiếp sóng nào đang phát."), std::string::npos) << r.output;

    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" (Bản tin) started", 20s)) << daemon.log();
    r = cli("live start --source " + server.listen_url("vov1") + " --by 'Nguyễn Văn An' --title 'Thời sự VOV1'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã bắt đầu tiếp sóng \"Thời sự VOV1\""), std::string::npos) << r.output;
    // When it goes on air, in the ward's time and date.
    EXPECT_TRUE(std::regex_search(
        r.output,
        std::regex{"lên sóng lúc [0-2][0-9]:[0-5][0-9] ngày [0-3][0-9]/[01][0-9]/20[0-9][0-9], lịch số [0-9]+"}))
        << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" interrupted", lp::test::slack(10s))) << daemon.log();

    r = cli("live start --source mic --by 'Trần Bình'");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Đang tiếp sóng \"Thời sự VOV1\" (Nguyễn Văn An, từ "), std::string::npos) << r.output;

    // The relay runs until the stop: its last known position (the seconds relayed, journaled
    // every 2 s) passes 2 s, polled with a deadline.
    linked.wait_aired("Thời sự VOV1", 2000);
    r = cli("live stop --json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output)["stopped"], true) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Bài dài\" completed", lp::test::slack(30s))) << daemon.log();
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
    // Ordered a pre-roll ahead, the relay connects to the running station before its first
    // sample is due: no dropout at its start, so a session stopped by `live stop` is completed.
    EXPECT_EQ(st.text(0), "completed") << daemon.log();
    EXPECT_EQ(sql("SELECT count(*) FROM journal_dropout d JOIN journal j ON j.id = d.journal_id "
                  "WHERE j.title = 'Thời sự VOV1'"),
              "0");
    EXPECT_EQ(st.integer(7), 1);
    EXPECT_EQ(sql("SELECT group_concat(status, ',') FROM (SELECT status FROM journal WHERE title = 'Bài dài' "
                  "ORDER BY id)"),
              "interrupted,completed")
        << "cut by the relay, aired again after it";
}

// A relay session cut by SIGKILL ends there: after the restart nothing airs it again (the
// person who started it may be gone and could not stop it), the cut row stays interrupted, and
// `live stop` finds no session.
TEST(LiveSession, ASessionCutByACrashIsNotResumedAfterTheRestart) {
    StationAndDaemon on;
    ASSERT_EQ(on.start(), "");
    auto& server = on.server;
    auto& linked = on.linked;
    auto r = linked.cli("live start --source " + server.listen_url("vov1") + " --by 'An' --title 'Thời sự VOV1'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    linked.wait_aired("Thời sự VOV1", 1000);
    linked.daemon->signal(SIGKILL);
    linked.daemon->wait_exit(10s);

    linked.daemon =
        std::make_unique<lp::test::DaemonProcess>(LP_DAEMON, std::vector<std::string>{"--config", linked.config});
    auto& daemon = *linked.daemon;
    ASSERT_TRUE(daemon.wait_for_log("not resumed after an unclean stop", 30s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("web server: http://127.0.0.1:" + std::to_string(linked.port), 30s))
        << daemon.log();
    r = linked.cli("live stop");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có buổi trực tiếp, tiếp sóng nào đang phát."), std::string::npos) << r.output;
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
    EXPECT_EQ(daemon.log().find("airing \"Thời sự VOV1\" started"), std::string::npos) << daemon.log();
    EXPECT_EQ(linked.sql("SELECT group_concat(status, ',') FROM journal WHERE title = 'Thời sự VOV1'"), "interrupted");
}

// `live start --source mic` reads [live] capture_device through libasound: here a capture PCM of
// the test's ALSA config that yields a 1 kHz tone file, aired on an ALSA output that captures
// what went out. The tone is on air for the seconds the row says; a capture device that does
// not exist, or that another program holds, is refused when the session is started, with
// nothing ordered.
TEST(LiveSession, TheMicrophoneIsReadFromTheCaptureDeviceAndItsToneGoesOnAir) {
    lp::test::TempDir dir;
    lp::test::AlsaTap tap;
    lp::test::make_audio(dir / "tone.raw", 30.0,
                         {.frequency = 1000, .sample_rate = 48000, .channels = 2, .extra_args = "-f s16le"});
    tap.add_capture("micro", dir / "tone.raw");
    const auto lock = tap.add_busy_capture("micro-ban", "micro");
    std::filesystem::create_directories(dir / "media");
    LinkedDaemon linked(dir,
                        "[audio]\nloudness_target = \"off\"\n[live]\ncapture_device = \"micro\"\n"
                        "[[output]]\nname = \"loa\"\nkind = \"alsa\"\ndevice = \"tap\"\n");
    const auto cli = [&](const std::string& args) { return linked.cli(args); };
    const auto sql = [&](const std::string& query) { return linked.sql(query); };
    ASSERT_EQ(linked.start(), "");
    auto& daemon = *linked.daemon;

    auto r = cli("live start --source alsa:khong-co --by An");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Thiết bị thu âm \"khong-co\" không có trên máy này"), std::string::npos) << r.output;
    EXPECT_EQ(sql("SELECT count(*) FROM one_off"), "0");
    {
        lp::test::HeldDevice held{lock};  // another program records from it
        r = cli("live start --source alsa:micro-ban --by An");
        EXPECT_EQ(r.exit_code, 2) << r.output;
        EXPECT_NE(r.output.find("Thiết bị thu âm \"micro-ban\" đang bận (một chương trình khác đang dùng nó)"),
                  std::string::npos)
            << r.output;
        EXPECT_EQ(sql("SELECT count(*) FROM one_off"), "0");
    }

    r = cli("live start --source mic --by 'Nguyễn Văn An'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Đã bắt đầu trực tiếp \"Trực tiếp: Nguyễn Văn An\" (alsa:micro)"), std::string::npos)
        << r.output;
    linked.wait_aired("Trực tiếp: Nguyễn Văn An", 3000);
    r = cli("live stop");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("[journal] programme emergency#1", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    lp::sqlite::Database db(dir / "var" / "lp.db");
    auto st = db.prepare(
        "SELECT j.played_ms, l.kind, l.source, l.planned_ms, l.relayed_ms, j.form FROM journal j "
        "JOIN journal_live l ON l.journal_id = j.id");
    ASSERT_TRUE(st.step()) << "no live row";
    EXPECT_EQ(st.text(1), "truc_tiep");
    EXPECT_EQ(st.text(2), "alsa:micro");
    EXPECT_EQ(st.text(5), "thong_bao");
    EXPECT_EQ(st.integer(0), st.integer(4));
    EXPECT_GE(st.integer(4), 2500) << "the capture came through";
    EXPECT_LE(st.integer(4), st.integer(3));
    // What went out: the captured tone, for as long as the row says it aired (the rest of the
    // planned seconds is the wait for the capture's first half second, silence).
    const auto out = tap.samples();
    std::size_t loud = 0;
    constexpr std::size_t block = 4800;  // samples: 50 ms of 48 kHz stereo
    for (std::size_t i = 0; i + block <= out.size(); i += block)
        if (lp::test::rms({out.data() + i, block}, 2) > 300.0) ++loud;
    EXPECT_NEAR(static_cast<double>(loud) * 50.0, static_cast<double>(st.integer(4)), 400.0);
    const auto middle = out.size() / 2 / 2 * 2;
    ASSERT_GT(out.size(), 48000u * 2);
    EXPECT_NEAR(lp::test::dominant_frequency({out.data() + middle - 24000, 48000}, 48000, 2), 1000.0, 20.0);
}

}  // namespace

// `live stop` in the pre-roll, before the session's first sample: nothing of it aired, so its
// row says it was not aired (a "completed" airing of 0 s, as before, counted in the report's
// airings).
TEST(LiveSession, ASessionStoppedBeforeItsFirstSampleIsNotJournaledAsAired) {
    StationAndDaemon on;
    ASSERT_EQ(on.start(), "");
    auto& server = on.server;
    auto& linked = on.linked;
    auto& daemon = *linked.daemon;
    auto r = linked.cli("live start --source " + server.listen_url("vov1") + " --by 'Nguyễn Văn An' --title 'Nhầm'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = linked.cli("live stop");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("ended by the operator before its first sample", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("done", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
    EXPECT_EQ(linked.sql("SELECT status || ' ' || coalesce(played_ms, 0) FROM journal WHERE title = 'Nhầm'"),
              "missed 0")
        << daemon.log();
    EXPECT_EQ(linked.sql("SELECT reason FROM journal WHERE title = 'Nhầm'"),
              "Chương trình bị dừng trước khi tin này được phát");
    EXPECT_EQ(linked.sql("SELECT count(*) FROM journal WHERE title = 'Nhầm' AND status = 'completed'"), "0");
}
