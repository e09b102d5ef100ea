// Fault drill: the real loaphuongd is killed with SIGKILL 200 times at random instants while
// short programmes and emergencies air, and restarted at once (well within the grace period)
// each time. Every item of every programme completes exactly once — the attempts a kill cut
// are journaled interrupted and aired again after the restart — none is lost or missed, the
// file passes PRAGMA integrity_check and the hash chain verifies. Kill points are reached by
// waiting on the daemon's log with a random deadline, never by sleeping. A sanitizer build
// kills 60 times: its daemon starts about three times slower, so 200 restarts outlast the
// programmes and ctest's timeout, and what it is there for (memory errors on the restart
// paths) shows in fewer.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <random>

#include "db/sqlite/Database.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Slowdown.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::scalar;
using lp::test::shell_quote;

constexpr int kills = lp::test::slowdown > 1 ? 60 : 200;
constexpr int slots = 45;  // one programme every 3 s: 135 s of programmes
constexpr auto slot_spacing = 3s;
constexpr int emergency_every = 5;  // an emergency 1 s into every fifth programme

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

TEST(FaultDrill, SigkillsWhileProgrammesAndEmergenciesAirEveryItemCompletesExactlyOnce) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    // Three distinct half-second items per programme (1.5 s), and a 0.4 s announcement.
    const std::vector<std::pair<std::string, double>> items{{"mot.wav", 500}, {"hai.wav", 600}, {"ba.wav", 700}};
    for (const auto& [name, frequency] : items)
        lp::test::make_audio(dir / "media" / name, 0.5,
                             {.frequency = frequency, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "khan.wav", 0.4,
                         {.frequency = 1000, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    // The programmes from `first` on, one every 3 s.
    const auto write_config = [](const std::filesystem::path& file, std::chrono::system_clock::time_point first) {
        std::ofstream toml(file);
        toml << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n[http]\nenabled = false\n"
                "[[output]]\nname = \"loa\"\nkind = \"null\"\n";
        for (int k = 0; k < slots; ++k)
            toml << "[[slot]]\nname = \"Bản tin " << k << "\"\nstart = \""
                 << lp::test::local_clock(first + k * slot_spacing)
                 << "\"\n[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
                    "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Bài hai\"\n"
                    "[[slot.item]]\nfile = \"ba.wav\"\ntitle = \"Thông báo ba\"\n";
        toml << "[[slot]]\nname = \"Dự phòng\"\nstart = \"+86000s\"\n"
                "[[slot.item]]\nfile = \"khan.wav\"\ntitle = \"Thông báo khẩn cấp\"\n";
    };
    const auto config = dir / "loaphuong.toml";
    const auto db_file = dir / "var" / "lp.db";
    const auto cli = std::string(LP_CLI) + " -c " + shell_quote(config.string());

    // A first start imports the items, its programmes an hour away: on a loaded machine the
    // import may take longer than the few seconds to the drill's first programme, and this
    // start must not air (and its stop journal missed) any of them. Then the emergencies are
    // ordered, as an operator would, and the programmes start 6 s later (the next start
    // applies the changed slots, reusing the imported items).
    write_config(config, lp::test::whole_second_in(1h));
    {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_for_log("ready:", lp::test::slack(20s))) << daemon.log();
        daemon.signal(SIGTERM);
        ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();
    }
    const auto urgent = scalar(db_file, "SELECT id FROM media_item WHERE title = 'Thông báo khẩn cấp'");
    const auto first = lp::test::whole_second_in(6s);
    int emergencies = 0;
    for (int k = 1; k + 1 < slots; k += emergency_every, ++emergencies) {
        const auto r = lp::test::run_command(cli + " oneoff add --item " + std::to_string(urgent) + " --at " +
                                             shell_quote(lp::test::local_date_time(first + k * slot_spacing + 1s)) +
                                             " --priority khan-cap --by 'Chủ tịch UBND phường'");
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    write_config(config, first);

    const unsigned seed = std::random_device{}();
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> extra_ms(0, 900);
    SCOPED_TRACE("seed " + std::to_string(seed));
    int started_logged = 0, resumed_logged = 0;
    for (int i = 0; i < kills; ++i) {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_for_log("ready:", lp::test::slack(20s))) << daemon.log();
        daemon.wait_for_log("<no such line>", std::chrono::milliseconds(extra_ms(random)));
        daemon.signal(SIGKILL);
        EXPECT_EQ(daemon.wait_exit(10s), 128 + SIGKILL);
        started_logged += occurrences(daemon.log(), "started on");
        resumed_logged += occurrences(daemon.log(), "cut by an unclean stop");
    }
    const bool kills_within_programmes = std::chrono::system_clock::now() < first + slots * slot_spacing;
    // A clean run airs the rest — the last programmes, and the backlog that kills every second
    // or so leave behind (each restart airs it again from the item a kill cut) — then stops.
    {
        lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
        ASSERT_TRUE(daemon.wait_for_log("ready:", lp::test::slack(20s))) << daemon.log();
        const auto last_end = first + (slots - 1) * slot_spacing + 4s;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(last_end - std::chrono::system_clock::now());
        daemon.wait_for_log("<no such line>", std::max(left, 1000ms));
        // Then programme by programme until nothing is left to air.
        for (int done = 0; scalar(db_file, "SELECT count(*) FROM pending_airing") > 0; ++done)
            ASSERT_TRUE(daemon.wait_for_log("done", 30s)) << "backlog not aired after " << done << " programmes";
        daemon.signal(SIGTERM);
        EXPECT_EQ(daemon.wait_exit(20s), 0) << daemon.log();
    }

    const auto interrupted = scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'interrupted'");
    std::cout << "kills " << kills << (kills_within_programmes ? " (all while programmes aired)" : "")
              << ", airings started " << started_logged << ", resumptions after a restart " << resumed_logged
              << ", attempts cut (interrupted) " << interrupted << ", completed "
              << scalar(db_file, "SELECT count(*) FROM journal WHERE status = 'completed'") << "\n";
    EXPECT_GE(resumed_logged, kills / 10);  // the kills did land mid-programme, often

    // Every item of every programme completed exactly once; every emergency too.
    lp::sqlite::Database db(db_file);
    auto st = db.prepare(
        "SELECT slot, title, count(*) FROM journal WHERE status = 'completed' AND slot LIKE 'Bản tin %' "
        "GROUP BY slot, title");
    int pairs = 0;
    while (st.step()) {
        ++pairs;
        if (st.integer(2) == 1) continue;
        // Every row of the pair, to see which airings (and restarts) made it twice.
        std::string rows;
        auto all = db.prepare(
            "SELECT id, status, coalesce(started_at, ''), coalesce(ended_at, ''), coalesce(reason, '') FROM journal "
            "WHERE slot = ? AND title = ? ORDER BY id");
        all.bind(1, st.text(0)).bind(2, st.text(1));
        while (all.step())
            rows += "\n  row " + std::to_string(all.integer(0)) + " " + all.text(1) + " " + all.text(2) + " - " +
                    all.text(3) + " " + all.text(4);
        ADD_FAILURE() << st.text(0) << " / " << st.text(1) << " completed " << st.integer(2) << " times:" << rows;
    }
    EXPECT_EQ(pairs, slots * 3);
    EXPECT_EQ(scalar(db_file,
                     "SELECT count(DISTINCT scheduled_at) FROM journal WHERE slot = 'Phát khẩn cấp' AND "
                     "status = 'completed'"),
              emergencies);
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM journal WHERE slot = 'Phát khẩn cấp' AND status = 'completed'"),
              emergencies);
    // Nothing lost, nothing given up, nothing left open or pending.
    auto bad = db.prepare(
        "SELECT id, slot, title, status, coalesce(reason, ''), coalesce(detail, '') FROM journal "
        "WHERE status IN ('missed', 'failed', 'skipped', 'playing') ORDER BY id");
    while (bad.step())
        ADD_FAILURE() << "row " << bad.integer(0) << " " << bad.text(1) << " / " << bad.text(2) << ": " << bad.text(3)
                      << " — " << bad.text(4) << " " << bad.text(5);
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM pending_airing"), 0);
    EXPECT_EQ(scalar(db_file,
                     "SELECT count(*) FROM journal WHERE status = 'interrupted' AND "
                     "(ended_at < started_at OR played_ms > 600)"),
              0);

    const auto integrity =
        lp::test::run_command("sqlite3 " + shell_quote(db_file.string()) + " 'PRAGMA integrity_check'");
    EXPECT_EQ(integrity.output, "ok\n");
    const auto verify = lp::test::run_command(cli + " journal verify");
    EXPECT_EQ(verify.exit_code, 0) << verify.output;
    EXPECT_EQ(scalar(db_file, "SELECT count(*) FROM journal WHERE seal IS NULL"), 0);
}

}  // namespace
