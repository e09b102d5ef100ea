// The daemon's daily jobs, driven directly (no waiting): next local time of day, scheduled
// reports written once into the reports folder, rotated online backups.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <spdlog/sinks/ostream_sink.h>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <fstream>
#include <future>
#include <sstream>

#include "daemon/DailyBackups.hpp"
#include "daemon/DailyTimer.hpp"
#include "daemon/Logging.hpp"
#include "daemon/PeriodicReports.hpp"
#include "db/Backups.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "evidence/SignedExport.hpp"
#include "export/ZipText.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::domain::from_utc_text;

TEST(DailyTimer, NextLocalTimeOfDay) {
    const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    // 01:00 in Vietnam is 18:00 UTC the day before.
    EXPECT_EQ(lp::daemon::next_daily(from_utc_text("2026-03-01T10:00:00.000Z"), tz, 1h),
              from_utc_text("2026-03-01T18:00:00.000Z"));
    EXPECT_EQ(lp::daemon::next_daily(from_utc_text("2026-03-01T18:00:00.000Z"), tz, 1h),
              from_utc_text("2026-03-02T18:00:00.000Z"));
    EXPECT_EQ(lp::daemon::next_daily(from_utc_text("2026-03-01T17:59:59.000Z"), tz, 1h),
              from_utc_text("2026-03-01T18:00:00.000Z"));
}

TEST(PeriodicReports, PendingFromTheConfiguredDayToThe7th) {
    using lp::daemon::reports_pending;
    EXPECT_TRUE(reports_pending({2026, 3, 1}, 3).empty());
    EXPECT_EQ(reports_pending({2026, 3, 3}, 3).size(), 1u);
    EXPECT_EQ(reports_pending({2026, 3, 7}, 3).size(), 1u);  // catching up a missed day
    EXPECT_TRUE(reports_pending({2026, 3, 8}, 3).empty());
    EXPECT_TRUE(reports_pending({2026, 4, 3}, 3).empty());
    EXPECT_EQ(reports_pending({2026, 12, 2}, 1).size(), 3u);  // quarter, half, year
}

class DaemonJobs : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");
    lp::config::Config config;
    boost::asio::io_context io;
    // The reports' virtual wall clock: the dates they are made on.
    std::chrono::system_clock::time_point now = from_utc_text("2026-03-01T03:00:00.000Z");

    void SetUp() override {
        config.database = dir / "lp.db";
        config.reports.dir = dir / "bao-cao";
        config.reports.signing_key = dir / "signing.key";
        config.reports.checkpoint_file = dir / "checkpoints.log";
        config.backup.dir = dir / "sao-luu";
        config.backup.keep = 2;
        lp::test::write_sample_journal(db, {2026, 1, 1}, 31);
    }
    lp::daemon::PeriodicReports::Options options() {
        lp::daemon::PeriodicReports::Options o;
        o.now = [this] { return now; };
        return o;
    }
    // Runs the loop until the reports being written are done (each one's outcome is posted
    // to the loop by its worker); returns the outcomes.
    std::vector<lp::daemon::PeriodicReports::Outcome> finish(lp::daemon::PeriodicReports& reports) {
        std::vector<lp::daemon::PeriodicReports::Outcome> out;
        reports.on_outcome([&out](const auto& o) { out.push_back(o); });
        io.restart();  // a loop that ran out of work earlier stays stopped until restarted
        while (reports.busy()) io.run_one();
        return out;
    }
};

TEST(PeriodicReports, FinalVersionsFallDueInTheFirstWeekAfterThePeriod) {
    using lp::daemon::finals_pending;
    EXPECT_TRUE(finals_pending({2026, 3, 31}).empty());
    ASSERT_EQ(finals_pending({2026, 4, 1}).size(), 1u);
    EXPECT_EQ(finals_pending({2026, 4, 7})[0].code(), "2026Q1");
    EXPECT_TRUE(finals_pending({2026, 4, 8}).empty());
    EXPECT_TRUE(finals_pending({2026, 5, 1}).empty());
    EXPECT_EQ(finals_pending({2027, 1, 2}).size(), 3u);  // Q4, the second half and the year 2026
}

TEST_F(DaemonJobs, TheQuarterReportIsWrittenOnceOnItsDayAndItsFinalVersionAfterTheQuarter) {
    lp::daemon::PeriodicReports reports(io, db, config, options());
    EXPECT_TRUE(reports.write_due({2026, 2, 1}).empty());
    ASSERT_EQ(reports.write_due({2026, 3, 1}).size(), 1u);
    auto outcomes = finish(reports);
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].error, "");
    EXPECT_FALSE(outcomes[0].final);
    EXPECT_EQ(outcomes[0].files.size(), 6u);  // the four formats, the interest CSV, the package
    const std::string early = "nhat-ky-2026Q1-den-2026-03-01.";
    for (const char* ext : {"xlsx", "pdf", "csv", "json", "zip"})
        EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / (early + ext))) << ext;
    EXPECT_TRUE(reports.write_due({2026, 3, 2}).empty());  // already there
    // After the quarter: the final version next to the early one, both kept.
    ASSERT_EQ(reports.write_due({2026, 4, 1}).size(), 1u);
    outcomes = finish(reports);
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].error, "");
    EXPECT_TRUE(outcomes[0].final);
    EXPECT_EQ(outcomes[0].files.size(), 6u);
    EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / "nhat-ky-2026Q1-quan-tam.csv"));
    for (const char* ext : {"xlsx", "pdf", "csv", "json", "zip"}) {
        EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / (std::string("nhat-ky-2026Q1.") + ext)));
        EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / (early + ext)));
    }
    EXPECT_TRUE(reports.write_due({2026, 4, 2}).empty());
    // Signed with the key made at the first check, which also made the day's checkpoint.
    std::ifstream csv(config.reports.dir / (early + "csv"));
    const std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("Chữ ký số: LP-SIGN/1 "), std::string::npos);
    std::ifstream log(config.reports.checkpoint_file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(log, line);) lines.push_back(line);
    // The day's checkpoint, then the early version's and the final's, one each: the loose
    // files are the package's members (the test's clock stands still: no second daily one).
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].rfind("LP-CKPT/1 ", 0), 0u);
    auto st = db.prepare("SELECT group_concat(reason) FROM journal_checkpoint");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "daily,export,export");
    for (const auto& stem : {early, std::string("nhat-ky-2026Q1.")}) {
        const auto members =
            lp::exporting::zip_entries(lp::evidence::read_file_bytes(config.reports.dir / (stem + "zip")), stem);
        for (const char* ext : {"xlsx", "pdf", "csv", "json"}) {
            const auto loose = lp::evidence::read_file_bytes(config.reports.dir / (stem + ext));
            const auto member =
                std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == stem + ext; });
            ASSERT_NE(member, members.end()) << stem << ext;
            EXPECT_TRUE(member->second == loose) << stem << ext << ": the loose file is not the package's member";
        }
    }
    EXPECT_TRUE(std::filesystem::exists(config.reports.signing_key));
}

// The report is written on its worker: while it is held half-way (read, checkpoint recorded,
// files not written), the loop runs what it is given at once and the journal takes a write.
TEST_F(DaemonJobs, TheLoopAnswersWhileAReportIsWritten) {
    std::promise<void> release;
    auto released = release.get_future().share();
    std::promise<void> reached;
    auto options = this->options();
    options.before_writing = [&reached, released] {
        reached.set_value();
        // Bounded, so that a report run on the loop again fails this test instead of hanging it.
        if (released.wait_for(30s) != std::future_status::ready) throw std::runtime_error("never released");
    };
    lp::daemon::PeriodicReports reports(io, db, config, options);
    std::vector<lp::daemon::PeriodicReports::Outcome> outcomes;
    reports.on_outcome([&outcomes](const auto& o) { outcomes.push_back(o); });
    ASSERT_EQ(reports.write_due({2026, 3, 1}).size(), 1u);  // returns at once
    auto worker_waits = reached.get_future();
    // The worker asks the loop to record the report's checkpoint, then stops at the hook.
    while (worker_waits.wait_for(10ms) != std::future_status::ready) io.poll();
    EXPECT_TRUE(reports.busy());
    bool answered = false;
    boost::asio::post(io, [&answered] { answered = true; });
    io.poll();
    EXPECT_TRUE(answered);  // the loop is free while the report is being written
    // The loop's connection writes meanwhile (the worker's is a reader: no lock is held).
    EXPECT_NO_THROW(db.exec("INSERT INTO scheduler_state (key, value) VALUES ('loop-test', 'x')"));
    EXPECT_FALSE(std::filesystem::exists(config.reports.dir / "nhat-ky-2026Q1-den-2026-03-01.csv"));
    release.set_value();
    while (reports.busy()) io.run_one();
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_EQ(outcomes[0].error, "");
    EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / "nhat-ky-2026Q1-den-2026-03-01.csv"));
}

// A report that cannot be written is logged and tried again; the loop goes on meanwhile.
TEST_F(DaemonJobs, AFailedReportIsLoggedAndTriedAgain) {
    // A file where the folder should be: the report cannot be written until it goes.
    std::filesystem::create_directories(dir / "khong-ghi-duoc");
    std::ofstream(dir / "khong-ghi-duoc" / "bao-cao") << "x";
    config.reports.dir = dir / "khong-ghi-duoc" / "bao-cao";
    auto options = this->options();
    options.retry_after = 0ms;  // the retry timer is due at once
    std::ostringstream log_text;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text);
    lp::daemon::logger("reports")->sinks().push_back(sink);
    lp::daemon::PeriodicReports reports(io, db, config, options);
    std::vector<lp::daemon::PeriodicReports::Outcome> outcomes;
    reports.on_outcome([&](const auto& o) {
        outcomes.push_back(o);
        if (!o.error.empty()) std::filesystem::remove(dir / "khong-ghi-duoc" / "bao-cao");  // fixed meanwhile
    });
    ASSERT_EQ(reports.write_due({2026, 3, 1}).size(), 1u);
    while (outcomes.size() < 2) io.run_one();  // the failure, then the retry (its timer is due at once)
    lp::daemon::logger("reports")->sinks().pop_back();
    EXPECT_NE(outcomes[0].error, "");
    EXPECT_EQ(outcomes[1].error, "");
    EXPECT_TRUE(std::filesystem::is_regular_file(config.reports.dir / "nhat-ky-2026Q1-den-2026-03-01.pdf"));
    const auto text = log_text.str();
    EXPECT_NE(text.find("report 2026Q1 could not be written to " + (dir / "khong-ghi-duoc" / "bao-cao").string()),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("tried again in 0 s"), std::string::npos) << text;
    EXPECT_NE(text.find("report 2026Q1 written to"), std::string::npos) << text;
    EXPECT_FALSE(reports.busy());
}

TEST_F(DaemonJobs, BackupsRotateAndEachIsAWholeDatabase) {
    lp::daemon::DailyBackups backups(io, db, config);
    const auto t0 = from_utc_text("2026-03-01T19:30:00.000Z");
    std::vector<std::filesystem::path> made;
    for (int d = 0; d < 3; ++d) {
        const auto f = backups.run_once(t0 + std::chrono::hours(24 * d));
        ASSERT_TRUE(f);
        made.push_back(*f);
    }
    EXPECT_FALSE(std::filesystem::exists(made[0]));  // the oldest went
    EXPECT_TRUE(std::filesystem::exists(made[1]));
    EXPECT_EQ(made[2].filename(), "loaphuong-20260303-193000.db");
    const auto r = lp::test::run_command("sqlite3 " + lp::test::shell_quote(made[2].string()) +
                                         " 'PRAGMA integrity_check; SELECT count(*) > 100 FROM journal;'");
    EXPECT_EQ(r.output, "ok\n1\n");
}

TEST(Backups, RotationKeepsTheNewestAndIgnoresOtherFiles) {
    EXPECT_EQ(lp::db::backups_to_remove({"loaphuong-20260303-023000.db", "ghi-chu.txt", "loaphuong-20260301-023000.db",
                                         "loaphuong-20260302-023000.db"},
                                        2),
              (std::vector<std::string>{"loaphuong-20260301-023000.db"}));
    EXPECT_TRUE(lp::db::backups_to_remove({"loaphuong-20260301-023000.db"}, 2).empty());
}

}  // namespace
