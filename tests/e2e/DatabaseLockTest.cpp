// Point 1 of "the sound never stops": another program holds the database's write lock for
// 30 s across an item boundary. The loudspeakers (an ALSA capture) never fall silent, the
// daemon never exits, and when the lock goes every row lands, in order, sealed.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

TEST(DatabaseLock, ASecondProgramHoldingTheLockFor30sNeitherSilencesTheLoudspeakersNorLosesARow) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "mot.wav", 16.0,
                         {.frequency = 440, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "hai.wav", 16.0,
                         {.frequency = 660, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::AlsaTap tap;
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[audio]\nloudness_target = \"off\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"alsa\"\ndevice = \"tap\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \""
                          << lp::test::local_clock_in(3s)
                          << "\"\n"
                             "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
                             "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Tin hai\"\n";
    const auto db_file = dir / "var" / "lp.db";

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin một\" (Bản tin) started", 20s)) << daemon.log();
    {
        // Another program (a backup tool, sqlite3 left open) takes the write lock ...
        lp::sqlite::Database other(db_file);
        other.exec("BEGIN IMMEDIATE");
        const auto locked_at = std::chrono::steady_clock::now();
        // ... and keeps it past the boundary between the items and to the programme's end.
        ASSERT_TRUE(daemon.wait_for_log("refuses", 20s)) << daemon.log();
        ASSERT_TRUE(daemon.wait_for_log("airing \"Tin hai\" completed", 40s)) << daemon.log();
        // What still waits is said in the log; the lock was held for the whole of it (≈ 30 s).
        EXPECT_GT(std::chrono::steady_clock::now() - locked_at, 29s);
        other.exec("ROLLBACK");
    }
    ASSERT_TRUE(daemon.wait_for_log("landed after", 40s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
    EXPECT_EQ(daemon.log().find("critical"), std::string::npos) << daemon.log();

    // The loudspeakers: 32 s of tone, no gap longer than the fades at the boundary.
    const auto pcm = tap.samples();
    EXPECT_NEAR(static_cast<double>(pcm.size()) / (2.0 * 48000.0), 32.0, 0.3);
    EXPECT_LT(lp::test::longest_silence(pcm, 48000, 2), 50ms);
    // Every row landed, in order, sealed, and the chain verifies.
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'completed'"), 2);
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal"), 2);
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal WHERE title = 'Tin một' AND id = 1"), 1);
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM journal WHERE seal IS NULL"), 0);
    EXPECT_EQ(lp::test::scalar(db_file, "SELECT count(*) FROM pending_airing"), 0);
    EXPECT_FALSE(std::filesystem::exists(db_file.string() + ".spill"));
    const auto verify =
        lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " journal verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

}  // namespace
