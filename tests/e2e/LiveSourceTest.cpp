// A live source end to end: a real icecast2 "station" fed by the ffmpeg CLI, the source added
// with the real CLI, ordered on air with an emergency one-off (it cuts in and the programme
// would resume after), relayed by the real daemon and journaled by itself: the sealed row
// with the source's title, topic and form and the seconds relayed, and its journal_live row.

#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <fstream>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

TEST(LiveSource, ARelayedStationAirsForItsLengthAndIsJournaledAsTiepSong) {
    lp::test::TempDir dir;
    lp::test::IcecastServer server;
    const auto station = lp::test::tone_station(server, "vov1", dir / "station.log");
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n";
    const auto cli = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args);
    };
    ASSERT_TRUE(lp::test::wait_tcp_listening(server.port(), 5s));
    auto r = cli("media add-source --url " + server.listen_url("vov1") +
                 " --title 'Thời sự VOV1' --length 4s --topic a --form tin");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    // The spoken notice for dropouts without a fallback file, made by espeak-ng at start.
    const auto notice = dir / "media" / ".live-notice" / "thong-bao-mat-tin-hieu.wav";
    ASSERT_TRUE(std::filesystem::exists(notice)) << daemon.log();
    EXPECT_GT(std::filesystem::file_size(notice), 20'000u) << "a spoken sentence, not an empty file";
    // ... and the one worded for a live reading whose capture device drops out.
    const auto reading = dir / "media" / ".live-notice" / "thong-bao-gian-doan-truc-tiep.wav";
    ASSERT_TRUE(std::filesystem::exists(reading)) << daemon.log();
    EXPECT_GT(std::filesystem::file_size(reading), 20'000u);
    EXPECT_NE(std::filesystem::file_size(reading), std::filesystem::file_size(notice)) << "words of its own";
    r = cli("oneoff add --item 1 --at now --priority khan-cap --by 'Chủ tịch UBND phường'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("[journal] programme emergency#1", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    lp::sqlite::Database db(dir / "var" / "lp.db");
    auto st = db.prepare(
        "SELECT j.title, j.topic, j.form, j.status, j.played_ms, l.kind, l.source, l.planned_ms, l.relayed_ms, "
        "l.fallback, (SELECT count(*) FROM journal_dropout d WHERE d.journal_id = j.id), "
        "(SELECT coalesce(sum(length_ms), 0) FROM journal_dropout d WHERE d.journal_id = j.id), "
        "j.seal IS NOT NULL, coalesce(j.reason, '') FROM journal j JOIN journal_live l ON l.journal_id = j.id");
    ASSERT_TRUE(st.step()) << "no live row";
    EXPECT_EQ(st.text(0), "Thời sự VOV1");
    EXPECT_EQ(st.text(1), "a");
    EXPECT_EQ(st.text(2), "tin");
    EXPECT_EQ(st.text(5), "tiep_song");
    EXPECT_EQ(st.text(6), server.listen_url("vov1"));
    EXPECT_EQ(st.integer(7), 4000);
    EXPECT_EQ(st.integer(8), st.integer(4)) << "the row's seconds are the relayed ones, never the fallback's";
    EXPECT_GT(st.integer(8), 1500) << "the station came through";
    // An emergency airs at once: the source may not have opened yet at its first sample. The
    // row never overstates: relayed and dropouts add up to the planned length, and any
    // dropout makes it a partial airing that says so.
    EXPECT_NEAR(static_cast<double>(st.integer(8) + st.integer(11)), 4000.0, 150.0);
    // No fallback file: only a dropout of 2 s or more airs the daemon's spoken notice; the wait
    // for the source to join at the start stays silent and names no fallback.
    if (st.integer(11) < 2000) {
        EXPECT_EQ(st.text(9), "") << "a short wait names no fallback";
    }
    if (st.integer(10) == 0) {
        EXPECT_EQ(st.text(3), "completed");
    } else {
        EXPECT_EQ(st.text(3), "interrupted");
        EXPECT_NE(st.text(13).find("mất tín hiệu " + std::to_string(st.integer(10)) + " lần"), std::string::npos)
            << st.text(13);
    }
    EXPECT_EQ(st.integer(12), 1) << "the row is sealed into the chain like any airing";
    EXPECT_FALSE(st.step());
}

// A capture device another program holds (the test's busy ALSA PCM, held by this test): set
// as a source it is refused with the Vietnamese message naming it and nothing is added; set
// while free and busy at air time, its airing is journaled failed with ALSA's reason, and the
// item after it in the slot airs on time.
TEST(LiveSource, ABusyCaptureDeviceIsRefusedWhenSetAndJournaledFailedAtAirTime) {
    lp::test::TempDir dir;
    lp::test::AlsaTap tap;
    std::ofstream(dir / "silence.raw") << std::string(192000, '\0');  // what the device yields when free
    tap.add_capture("micro", dir / "silence.raw");
    const auto lock = tap.add_busy_capture("micro-ban", "micro");
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "sau.wav", 1.0,
                         {.frequency = 880, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto config = (dir / "lp.toml").string();
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+8s\"\n"
                             "[[slot.item]]\nfile = \"sau.wav\"\ntitle = \"Tin sau\"\n";
    const auto cli = [&](const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args + " 2>&1");
    };
    const auto sql = [&](const std::string& query) {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare(query);
        return st.step() ? st.text(0) : std::string("(none)");
    };
    const std::string add =
        "media add-source --url alsa:micro-ban --title 'Đọc thông báo' --length 2s --form thong_bao";
    {
        lp::test::HeldDevice held{lock};
        const auto r = cli(add);
        EXPECT_EQ(r.exit_code, 2) << r.output;
        EXPECT_NE(r.output.find("Thiết bị thu âm \"micro-ban\" đang bận (một chương trình khác đang dùng nó) "
                                "(alsa:micro-ban: snd_pcm_open() failed: Device or resource busy)"),
                  std::string::npos)
            << r.output;
        EXPECT_EQ(sql("SELECT count(*) FROM media_item WHERE live_url IS NOT NULL"), "0") << "nothing added";
    }
    auto r = cli(add);  // let go: it opens
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto item = sql("SELECT id FROM media_item WHERE live_url = 'alsa:micro-ban'");
    ASSERT_EQ(cli("approve " + item + " --by 'Lê Văn Duyệt'").exit_code, 0);

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    lp::test::HeldDevice held{lock};  // another program takes the microphone before the slot
    // A priority one-off goes to the next slot, before its items.
    r = cli("oneoff add --item " + item + " --at now --priority uu-tien --by 'Chủ tịch UBND phường'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin sau\" completed", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    EXPECT_EQ(sql("SELECT status || ' | ' || detail FROM journal WHERE title = 'Đọc thông báo'"),
              "failed | alsa:micro-ban: snd_pcm_open() failed: Device or resource busy");
    EXPECT_EQ(sql("SELECT reason FROM journal WHERE title = 'Đọc thông báo'")
                  .rfind("Không nhận được tín hiệu từ nguồn tiếp sóng, trực tiếp trong suốt thời lượng", 0),
              0u);
    EXPECT_EQ(sql("SELECT relayed_ms FROM journal_live"), "0");
    EXPECT_EQ(sql("SELECT status FROM journal WHERE title = 'Tin sau'"), "completed");
    // On time: the busy source's 2 s (silence) after the slot's start, not later.
    const auto late = std::atof(sql("SELECT (julianday(n.started_at) - julianday(j.scheduled_at)) * 86400 FROM "
                                    "journal n, journal j WHERE n.title = 'Tin sau' AND j.title = 'Đọc thông báo'")
                                    .c_str());
    EXPECT_NEAR(late, 2.0, 0.3);
}

}  // namespace
