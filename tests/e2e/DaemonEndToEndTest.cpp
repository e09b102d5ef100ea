// The walking skeleton end to end: the real loaphuongd plays a slot through FFmpeg to ALSA's
// file plugin, journals it in SQLite, and the real loaphuong CLI exports the journal.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <sstream>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"
#include "tests/e2e/Daemon.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::shell_quote;

struct Row {
    std::string title, status, reason, outputs, scheduled, started, ended;
    long long played_ms = 0;
    std::optional<long long> ordinal;
    std::optional<long long> lateness_us;
    std::string detail;
};

std::vector<Row> journal_rows(const std::filesystem::path& db_file) {
    lp::sqlite::Database db(db_file);
    auto st = db.prepare(
        "SELECT title, status, coalesce(reason,''), outputs, scheduled_at, coalesce(started_at,''),"
        " coalesce(ended_at,''), played_ms, ordinal, start_lateness_us, coalesce(detail,'') FROM journal ORDER BY id");
    std::vector<Row> rows;
    while (st.step())
        rows.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                        st.integer(7), st.optional_integer(8), st.optional_integer(9), st.text(10)});
    return rows;
}

std::string write_config(const lp::test::TempDir& dir, const std::string& slot_items,
                         const std::string& start = "+2s") {
    const auto path = dir / "loaphuong.toml";
    std::ofstream(path) << "[daemon]\n"
                           "database = \"var/lp.db\"\n"
                           "media_dir = \"media\"\n"
                           "log_level = \"debug\"\n"
                           "[[output]]\n"
                           "name = \"loa\"\n"
                           "kind = \"alsa\"\n"
                           "device = \"tap\"\n"
                           "[[slot]]\n"
                           "name = \"Bản tin sáng\"\n"
                           "start = \""
                        << start << "\"\n"
                        << slot_items;
    return path.string();
}

std::vector<std::string> split_csv_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

TEST(DaemonEndToEnd, SlotAirsThroughAlsaIsJournaledAndExported) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "tin-một.mp3", 1.5,
                         {.frequency = 440, .sample_rate = 44100, .channels = 1, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "bài hai.ogg", 1.0,
                         {.frequency = 880, .sample_rate = 22050, .channels = 2, .extra_args = ""});
    lp::test::AlsaTap tap;
    const auto config = write_config(dir,
                                     "[[slot.item]]\nfile = \"tin-một.mp3\"\ntitle = \"Dịch vụ công trực tuyến\"\n"
                                     "topic = \"m\"\nform = \"tin\"\n"
                                     "[[slot.item]]\nfile = \"không-có.mp3\"\ntitle = \"Tệp bị thiếu\"\n"
                                     "[[slot.item]]\nfile = \"bài hai.ogg\"\ntitle = \"Cải cách thủ tục hành chính\"\n"
                                     "topic = \"i\"\nform = \"bai\"\n");

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("done", 30s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    // What reached the "loudspeaker": 2.5 s of tone at 48 kHz stereo, 440 Hz then 880 Hz.
    const auto pcm = tap.samples();
    const double frames = static_cast<double>(pcm.size()) / 2;
    EXPECT_NEAR(frames, 2.5 * 48000, 0.03 * 48000) << "captured " << frames << " frames";
    ASSERT_GT(pcm.size(), 48000u * 2 * 2);
    const std::span<const short> all(pcm);
    EXPECT_GT(lp::test::rms(all, 2, 0), 1000.0);  // ffmpeg's sine is at -18 dBFS; silence is 0
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(48000, 48000), 48000, 2), 440.0, 10.0);
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(pcm.size() - 2 * 36000, 48000), 48000, 2), 880.0, 15.0);

    // The config's missing file cannot be imported: the log names it, the slot airs the rest.
    EXPECT_NE(daemon.log().find("không-có.mp3 left out of slot \"Bản tin sáng\""), std::string::npos) << daemon.log();
    const auto rows = journal_rows(dir / "var" / "lp.db");
    ASSERT_EQ(rows.size(), 2u) << daemon.log();
    EXPECT_EQ(rows[0].title, "Dịch vụ công trực tuyến");
    EXPECT_EQ(rows[0].status, "completed");
    EXPECT_EQ(rows[0].outputs, "loa");
    EXPECT_EQ(rows[0].ordinal, 1);
    EXPECT_NEAR(static_cast<double>(rows[0].played_ms), 1500, 40);
    EXPECT_EQ(rows[1].status, "completed");
    EXPECT_NEAR(static_cast<double>(rows[1].played_ms), 1000, 40);
    // On time: the first sample left within 100 ms of the slot instant, never before it.
    const auto scheduled = lp::domain::from_utc_text(rows[0].scheduled);
    const auto started = lp::domain::from_utc_text(rows[0].started);
    EXPECT_GE(started, scheduled);
    EXPECT_LT(started - scheduled, 100ms);
    EXPECT_LE(lp::domain::from_utc_text(rows[1].started), lp::domain::from_utc_text(rows[1].ended));
    // The player's own measure, to the microsecond, on the item that opened the programme.
    ASSERT_TRUE(rows[0].lateness_us.has_value());
    EXPECT_GE(*rows[0].lateness_us, 0);
    EXPECT_LT(*rows[0].lateness_us, 100'000);
    EXPECT_FALSE(rows[1].lateness_us.has_value());

    // The operator's CSV export of today (local days) holds the same two airings.
    const auto today = lp::domain::local_date_text(lp::domain::zone("Asia/Ho_Chi_Minh"), scheduled);
    const auto csv_file = dir / "nhat-ky.csv";
    const auto result =
        lp::test::run_command(std::string(LP_CLI) + " --config " + shell_quote(config) + " journal export --from " +
                              today + " --to " + today + " --format csv -o " + shell_quote(csv_file.string()));
    ASSERT_EQ(result.exit_code, 0) << result.output;
    std::ifstream in(csv_file, std::ios::binary);
    const std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    const auto lines = split_csv_lines(csv.substr(3));
    // Header, two airings, then an empty line and the footer (today is not over: the coverage
    // line; the CCHC figures, row count, punctuality, clock trust, chain seal, marker, signing
    // key's fingerprint, signature).
    ASSERT_EQ(lines.size(), 3u + 10u) << csv;
    EXPECT_NE(csv.find("Giờ phát được đo bằng đồng hồ hệ thống đã đồng bộ (NTP) ở "), std::string::npos) << csv;
    EXPECT_NE(csv.find("/2 lượt phát"), std::string::npos) << csv;
    EXPECT_NE(csv.find("1 lần mở đầu chương trình): trung vị "), std::string::npos) << csv;
    EXPECT_TRUE(lines[0].starts_with("STT,Ngày,Giờ theo lịch,Giờ bắt đầu")) << lines[0];
    EXPECT_NE(lines[1].find("Dịch vụ công trực tuyến,\"Dịch vụ công trực tuyến, đường dây nóng"), std::string::npos)
        << lines[1];
    EXPECT_NE(lines[1].find(",Tin,1,Bản tin sáng,loa,Đã phát,"), std::string::npos) << lines[1];
    EXPECT_NE(lines[2].find(",Bài,1,Bản tin sáng,loa,Đã phát,"), std::string::npos) << lines[2];
}

TEST(DaemonEndToEnd, SigtermCutsTheAiringAndJournalsItInterrupted) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    lp::test::make_audio(dir / "media" / "dài.flac", 30.0,
                         {.frequency = 500, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::make_audio(dir / "media" / "hai.wav", 1.0,
                         {.frequency = 600, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    lp::test::AlsaTap tap;
    const auto config = write_config(
        dir, "[[slot.item]]\nfile = \"dài.flac\"\n[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Lần hai\"\n", "+1s");

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config});
    ASSERT_TRUE(daemon.wait_for_log("started on", 20s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(10s), 0) << daemon.log();

    const auto rows = journal_rows(dir / "var" / "lp.db");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].title, "dài");
    EXPECT_EQ(rows[0].status, "interrupted");
    EXPECT_LT(rows[0].played_ms, 30000);
    EXPECT_FALSE(rows[0].ended.empty());
    // The next item never started: it is journaled missed, not silently dropped.
    EXPECT_EQ(rows[1].title, "Lần hai");
    EXPECT_EQ(rows[1].status, "missed");
    EXPECT_NE(rows[1].reason.find("trước khi tin này được phát"), std::string::npos) << rows[1].reason;
}

TEST(DaemonEndToEnd, BadConfigExitsWith78NamingTheLineBeforeTouchingAnything) {
    lp::test::TempDir dir;
    const auto config = dir / "bad.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\n\n[[output]]\nname = \"loa\"\nkind = \"alsa\"\n"
                             "sample_rate = \"48000\"\n";
    const auto result = lp::test::run_command(std::string(LP_DAEMON) + " --config " + shell_quote(config.string()));
    EXPECT_EQ(result.exit_code, 78) << result.output;
    EXPECT_NE(result.output.find("bad.toml:7: output[0].sample_rate:"), std::string::npos) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "var"));
}

TEST(Cli, BadDatesAreRejectedInVietnamese) {
    lp::test::TempDir dir;
    const auto result = lp::test::run_command("cd " + shell_quote(dir.path().string()) + " && " + LP_CLI +
                                              " --demo journal export --from 31/02/2026 --to 01/03/2026");
    EXPECT_EQ(result.exit_code, 2) << result.output;
    EXPECT_NE(result.output.find("Ngày --from không hợp lệ: \"31/02/2026\""), std::string::npos) << result.output;
    const auto reversed = lp::test::run_command("cd " + shell_quote(dir.path().string()) + " && " + LP_CLI +
                                                " --demo journal export --from 2026-03-02 --to 2026-03-01");
    EXPECT_EQ(reversed.exit_code, 2) << reversed.output;
    EXPECT_NE(reversed.output.find("đứng trước"), std::string::npos) << reversed.output;
}

TEST(Cli, ExportWithoutADatabaseSaysSoAndCreatesNothing) {
    lp::test::TempDir dir;
    const auto result = lp::test::run_command("cd " + shell_quote(dir.path().string()) + " && " + LP_CLI +
                                              " --demo journal export --from 01/01/2026 --to 31/03/2026");
    EXPECT_EQ(result.exit_code, 2) << result.output;
    EXPECT_NE(result.output.find("Không tìm thấy cơ sở dữ liệu"), std::string::npos) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "var"));
}

}  // namespace
