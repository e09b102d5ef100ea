// Power-cut drill: the real loaphuongd is killed with SIGKILL at random moments during airings,
// again and again, and restarted. Every airing it logged as started has its row, none is left
// open, the file passes PRAGMA integrity_check and the hash chain verifies. Kill points are
// reached by waiting on the daemon's log (plus a random extra deadline on that wait), never by
// sleeping.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <random>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

long long scalar(const std::filesystem::path& db_file, const char* sql) {
    lp::sqlite::Database db(db_file);
    auto st = db.prepare(sql);
    st.step();
    return st.integer(0);
}

TEST(CrashDrill, SigkillDuringAiringsLosesNoRowAndKeepsTheChain) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    for (const char* name : {"mot.wav", "hai.wav", "ba.wav"}) lp::test::make_audio(dir / "media" / name, 3.0);
    const auto config = dir / "loaphuong.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\nlog_level = \"debug\"\n"
                             "[[output]]\nname = \"loa\"\nkind = \"null\"\n"
                             "[[slot]]\nname = \"Bản tin\"\nstart = \"+1s\"\n"
                             "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\ntopic = \"m\"\nform = \"tin\"\n"
                             "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Bài hai\"\ntopic = \"a\"\nform = \"bai\"\n"
                             "[[slot.item]]\nfile = \"ba.wav\"\ntitle = \"Thông báo ba\"\ntopic = \"b\"\nform = \"thong_bao\"\n";
    const auto db_file = dir / "var" / "lp.db";

    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> extra_ms(0, 7000);  // anywhere in the 9 s programme
    SCOPED_TRACE("seed " + std::to_string(seed));

    constexpr int kills = 12;
    int started_logged = 0, recovered_logged = 0;
    for (int i = 0; i < kills; ++i) {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
        ASSERT_TRUE(daemon.wait_for_log("started on", 20s)) << daemon.log();
        // The kill point: a random moment after the first airing started (a deadline on
        // waiting for a line that never comes).
        daemon.wait_for_log("<no such line>", std::chrono::milliseconds(extra_ms(random)));
        daemon.signal(SIGKILL);
        EXPECT_EQ(daemon.wait_exit(10s), 128 + SIGKILL);
        started_logged += occurrences(daemon.log(), "started on");
        recovered_logged += occurrences(daemon.log(), "left open by an unclean stop");
    }
    // One clean start closes what the last kill left open, then a clean stop.
    {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_for_log("ready:", 20s)) << daemon.log();
        daemon.signal(SIGTERM);
        EXPECT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
        started_logged += occurrences(daemon.log(), "started on");
        recovered_logged += occurrences(daemon.log(), "left open by an unclean stop");
    }

    // No row lost: each start the daemon logged was committed before it was logged (a kill
    // between the commit and the log line leaves one row more than lines, never fewer).
    const auto started_rows = scalar(db_file, "SELECT count(*) FROM journal WHERE started_at IS NOT NULL");
    EXPECT_GE(started_rows, started_logged);
    EXPECT_LE(started_rows, started_logged + kills);
    // None left open, and the recovered ones end at their last committed position.
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'playing'"), 0);
    EXPECT_GE(recovered_logged, 1);
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'interrupted' AND "
                              "(ended_at < started_at OR played_ms > 3100)"),
              0);
    std::cout << "kills " << kills << ", airings started " << started_logged << ", interrupted "
              << scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'interrupted'")
              << ", of which with a committed position "
              << scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'interrupted' AND played_ms > 0")
              << ", completed " << scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'completed'") << "\n";

    const auto integrity = lp::test::run_command("sqlite3 " + shell_quote(db_file.string()) + " 'PRAGMA integrity_check'");
    EXPECT_EQ(integrity.output, "ok\n");
    const auto verify =
        lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " journal verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM journal WHERE seal IS NULL"), 0);
}

}  // namespace
