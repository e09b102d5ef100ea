// What the config file owns (issue 10, point 11), with the real loaphuongd and loaphuong: the
// file's slots are applied when the file changed, not at every start, and its items are
// imported like `media add` (SHA-256, loudness, a managed copy).

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

class ConfigRule : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path config = dir / "lp.toml";

    void SetUp() override {
        std::filesystem::create_directories(dir / "media");
        lp::test::make_audio(dir / "media" / "tin.wav", 1.0,
                             {.frequency = 440, .sample_rate = 48000, .channels = 1, .extra_args = ""});
        lp::test::make_audio(dir / "media" / "bai.mp3", 1.0,
                             {.frequency = 660, .sample_rate = 48000, .channels = 1, .extra_args = "-af volume=-15dB"});
        write_config("17:00");
    }
    void write_config(const std::string& evening_start) {
        std::ofstream(config)
            << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
               "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
               "[[slot]]\nname = \"Sáng\"\nstart = \"05:30\"\n"
               "[[slot.item]]\nfile = \"tin.wav\"\ntitle = \"Tin sáng\"\ntopic = \"m\"\nform = \"tin\"\n"
               "[[slot]]\nname = \"Chiều\"\nstart = \""
            << evening_start
            << "\"\n"
               "[[slot.item]]\nfile = \"bai.mp3\"\ntitle = \"Bài chiều\"\ntopic = \"a\"\nform = \"bai\"\n";
    }
    // Starts the daemon, waits until it is ready, stops it; returns its log.
    std::string start_and_stop() {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        EXPECT_TRUE(daemon.wait_for_log("ready:", 30s)) << daemon.log();
        daemon.signal(SIGTERM);
        EXPECT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
        return daemon.log();
    }
    lp::test::CommandResult cli(const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " " + args);
    }
    std::string slots() {
        lp::sqlite::Database db(dir / "var" / "lp.db");
        auto st = db.prepare("SELECT name || '@' || start_time FROM slot ORDER BY name");
        std::string out;
        while (st.step()) out += st.text(0) + ";";
        return out;
    }
};

TEST_F(ConfigRule, ConfigItemsAreImportedWithSha256AndLoudness) {
    start_and_stop();
    lp::sqlite::Database db(dir / "var" / "lp.db");
    auto st = db.prepare("SELECT title, file, sha256, loudness_lufs FROM media_item ORDER BY id");
    int n = 0;
    while (st.step()) {
        ++n;
        SCOPED_TRACE(st.text(0));
        ASSERT_FALSE(st.is_null(2)) << "no SHA-256";
        ASSERT_FALSE(st.is_null(3)) << "no loudness";
        const auto source = dir / "media" / (n == 1 ? "tin.wav" : "bai.mp3");
        EXPECT_EQ(st.text(2), lp::test::run_command("sha256sum " + shell_quote(source.string())).output.substr(0, 64));
        EXPECT_EQ(std::filesystem::path(st.text(1)).stem(), st.text(2)) << "aired from the managed copy";
    }
    EXPECT_EQ(n, 2);
}

TEST_F(ConfigRule, RestartKeepsCliEditsAndRemovalsUntilTheFileChanges) {
    start_and_stop();
    ASSERT_EQ(slots(), "Chiều@17:00:00;Sáng@05:30:00;");
    auto r = cli("slot remove 'Chiều'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = cli("slot set 'Sáng' --start 06:15 --item 1");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    const auto log = start_and_stop();
    EXPECT_EQ(slots(), "Sáng@06:15:00;") << "the CLI's edit and removal must survive a restart\n" << log;

    write_config("17:30");  // the administrator changes the file: it is applied again
    start_and_stop();
    EXPECT_EQ(slots(), "Chiều@17:30:00;Sáng@05:30:00;");
}

}  // namespace
