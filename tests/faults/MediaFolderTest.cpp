// The media folder goes away while the daemon runs (a USB disk pulled, a mount lost). As root
// a chmod 000 stops nothing, so the folder is moved away instead: what the daemon must air
// from it is then unreadable for any user. The item due meanwhile is journaled failed with
// the file named, the daemon keeps running, and once the folder is back the next slot airs.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

TEST(MediaFolder, GoneWhileRunningFailsTheItemDueNamesTheFileAndTheNextSlotAirsWhenItIsBack) {
    lp::test::TempDir dir;
    fs::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "mot.wav", 3.0,
                         {.frequency = 349, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "hai.wav", 3.0,
                         {.frequency = 392, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                             "[audio]\nloudness_target = \"off\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Một\"\nstart = \"+5s\"\n"
                             "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
                             "[[slot]]\nname = \"Hai\"\nstart = \"+14s\"\n"
                             "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Tin hai\"\n";
    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
    fs::rename(dir / "media", dir / "media.gone");
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin một\" failed", 20s)) << daemon.log();
    fs::rename(dir / "media.gone", dir / "media");
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin hai\" completed", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
    EXPECT_EQ(daemon.log().find("critical"), std::string::npos) << daemon.log();

    const auto db_file = dir / "var" / "lp.db";
    EXPECT_EQ(lp::test::scalar(db_file,
                               "SELECT count(*) FROM journal WHERE title = 'Tin một' AND status = 'failed' "
                               "AND reason <> '' AND detail LIKE '%media/%'"),
              1)
        << daemon.log();
    EXPECT_EQ(
        lp::test::scalar(db_file, "SELECT count(*) FROM journal WHERE title = 'Tin hai' AND status = 'completed'"), 1);
}

}  // namespace
