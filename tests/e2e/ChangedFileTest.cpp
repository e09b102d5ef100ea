// Point 5: a stored file whose bytes changed after import (disk rot, tampering) never airs:
// the check against the library's SHA-256, made when the programme is decided, fails it with
// the reason in Vietnamese, and the next item airs on time.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;

TEST(ChangedFile, AFileChangedSinceImportIsFailedBeforeItAirsAndTheNextItemPlays) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "mot.wav", 1.0,
                         {.frequency = 440, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "hai.wav", 1.0,
                         {.frequency = 880, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \""
                          << lp::test::local_clock_in(6s)
                          << "\"\n"
                             "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
                             "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Tin hai\"\n";
    const auto db_file = dir / "var" / "lp.db";

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    std::filesystem::path stored;
    {
        lp::sqlite::Database db(db_file);
        auto st = db.prepare("SELECT file FROM media_item WHERE title = 'Tin một'");
        ASSERT_TRUE(st.step());
        stored = st.text(0);
    }
    {
        // One sample's bytes change in the library's own copy: still a valid, playable WAV.
        std::fstream f(stored, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(20000);
        f.write("\x11\x22\x33\x44", 4);
    }
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin hai\" completed", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    lp::sqlite::Database db(db_file);
    auto st = db.prepare(
        "SELECT title, status, coalesce(reason, ''), coalesce(detail, ''), started_at IS NULL "
        "FROM journal ORDER BY id");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "Tin một");
    EXPECT_EQ(st.text(1), "failed");
    EXPECT_NE(st.text(2).find("đã bị thay đổi sau khi nhập"), std::string::npos) << st.text(2);
    EXPECT_NE(st.text(3).find("SHA-256"), std::string::npos) << st.text(3);
    EXPECT_EQ(st.integer(4), 1);  // it never reached the loudspeakers
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "Tin hai");
    EXPECT_EQ(st.text(1), "completed");
    EXPECT_FALSE(st.step());
}

}  // namespace
