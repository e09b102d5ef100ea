// The operator's journal commands through the real loaphuong binary: verify names a tampered
// row (tampering done with the sqlite3 CLI), exports check against the database, manual
// entries and corrections, reports and backups; bad input gets a Vietnamese message naming
// it, exit status 2, and nothing written.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "db/Store.hpp"
#include "journal/JournalStore.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::run_command;
using lp::test::shell_quote;

class JournalCli : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path db_file = dir / "var" / "lp.db";
    std::filesystem::path config = dir / "loaphuong.toml";
    lp::test::SampleTotals totals;

    void SetUp() override {
        std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\n"
                                 "[organisation]\nparent_body = \"UBND PHƯỜNG AN HẢI\"\nplace = \"An Hải\"\n"
                                 "[reports]\ndir = \"bao-cao\"\n";
        auto db = lp::db::open_store(db_file);
        totals = lp::test::write_sample_journal(db, {2026, 1, 1}, 20);
    }

    lp::test::CommandResult cli(const std::string& args) {
        return run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " " + args);
    }
    void sql(const std::string& statements) {
        const auto r = run_command("sqlite3 " + shell_quote(db_file.string()) + " " + shell_quote(statements));
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    void tamper(const std::string& statements) {
        sql("DROP TRIGGER journal_sealed_rows_are_final; DROP TRIGGER journal_rows_are_never_deleted; " + statements);
    }
};

TEST_F(JournalCli, VerifyPassesOnAnHonestJournal) {
    const auto r = cli("journal verify");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Nhật ký toàn vẹn: " + std::to_string(totals.rows) + " dòng"), std::string::npos)
        << r.output;
}

TEST_F(JournalCli, VerifyNamesAnEditedRow) {
    tamper("UPDATE journal SET title = 'Bài khác' WHERE id = 7;");
    const auto r = cli("journal verify");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("dòng nhật ký số 7 (mắt xích số 7): nội dung không khớp"), std::string::npos) << r.output;
}

TEST_F(JournalCli, VerifyNamesADeletedRow) {
    tamper("DELETE FROM journal WHERE id = 12;");
    const auto r = cli("journal verify");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("thiếu mắt xích số 12 ngay trước dòng nhật ký số 13"), std::string::npos) << r.output;
}

TEST_F(JournalCli, VerifyNamesReorderedRows) {
    tamper(
        "UPDATE journal SET chain_seq = -1 WHERE id = 20; UPDATE journal SET chain_seq = 20 WHERE id = 21; "
        "UPDATE journal SET chain_seq = 21 WHERE id = 20;");
    const auto r = cli("journal verify");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("dòng nhật ký số 21 (mắt xích số 20)"), std::string::npos) << r.output;
}

TEST_F(JournalCli, VerifyNamesAnInsertedRow) {
    sql("INSERT INTO journal (scheduled_at, started_at, ended_at, title, topic, form, slot, outputs, played_ms, "
        "status) "
        "VALUES ('2026-01-03T01:00:00.000Z', '2026-01-03T01:00:00.000Z', '2026-01-03T01:05:00.000Z', 'Bài chèn', 'a', "
        "'bai', 'Sáng', 'loa', 300000, 'completed');");
    const auto r = cli("journal verify");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("dòng nhật ký số " + std::to_string(totals.rows + 1) +
                            " đã kết thúc nhưng không được niêm phong"),
              std::string::npos)
        << r.output;
}

TEST_F(JournalCli, AnExportChecksAgainstTheDatabaseUntilTheJournalChanges) {
    for (const char* ext : {"xlsx", "pdf", "csv", "json"}) {
        const auto file = (dir / "q1.").string() + ext;
        const auto e = cli("journal export --period 2026Q1 -o " + shell_quote(file));
        ASSERT_EQ(e.exit_code, 0) << e.output;
        const auto v = cli("journal verify --export " + shell_quote(file));
        EXPECT_EQ(v.exit_code, 0) << ext << ": " << v.output;
        EXPECT_NE(v.output.find("khớp với cơ sở dữ liệu: kỳ 2026Q1, " + std::to_string(totals.rows) + " dòng"),
                  std::string::npos)
            << v.output;
    }
    // A row edited after the export: the chain breaks, and the file (unchanged) no longer shows
    // what the database says.
    tamper("UPDATE journal SET played_ms = 1 WHERE id = 3;");
    const auto v = cli("journal verify --export " + shell_quote((dir / "q1.xlsx").string()));
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("KHÔNG khớp"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("Tệp vẫn đúng như khi ký, nhưng cơ sở dữ liệu"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("Nhật ký KHÔNG toàn vẹn: dòng nhật ký số 3"), std::string::npos) << v.output;
}

// A row journaled after the export (a report handed in before its period ends) is newer, not a mismatch.
TEST_F(JournalCli, ALaterRowInThePeriodIsReportedAgainstAnOlderExport) {
    const auto file = (dir / "q1.json").string();
    ASSERT_EQ(cli("journal export --period 2026Q1 -o " + shell_quote(file)).exit_code, 0);
    ASSERT_EQ(
        cli("journal add-manual --date 15/01/2026 --start 19:00 --duration 10m --title 'Đọc tin' --by 'Lan'").exit_code,
        0);
    const auto v = cli("journal verify --export " + shell_quote(file));
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("khớp với cơ sở dữ liệu: kỳ 2026Q1, " + std::to_string(totals.rows) + " dòng"),
              std::string::npos)
        << v.output;
    EXPECT_NE(v.output.find("1 dòng nhật ký của kỳ được ghi sau mốc này"), std::string::npos) << v.output;
}

TEST_F(JournalCli, VerifyExportRejectsFilesItCannotCheck) {
    std::ofstream(dir / "thu.csv") << "STT,Ngày\r\n1,01/01/2026\r\n";
    auto r = cli("journal verify --export " + shell_quote((dir / "thu.csv").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("không có mã kiểm tra của loaphuong"), std::string::npos) << r.output;
    r = cli("journal verify --export " + shell_quote((dir / "khong-co.xlsx").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không tìm thấy tệp"), std::string::npos) << r.output;
    std::ofstream(dir / "hong.xlsx") << "PK\x03\x04 not really a zip archive at all, cut short";
    r = cli("journal verify --export " + shell_quote((dir / "hong.xlsx").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("hong.xlsx"), std::string::npos) << r.output;
}

TEST_F(JournalCli, ABadPeriodIsNamedAndNothingIsWritten) {
    const auto out = dir / "x.pdf";
    for (const char* bad : {"2026Q5", "13/2026", "31/03/2026-01/01/2026"}) {
        const auto r =
            cli(std::string("journal export --period ") + shell_quote(bad) + " -o " + shell_quote(out.string()));
        EXPECT_EQ(r.exit_code, 2) << r.output;
        EXPECT_NE(r.output.find(std::string("Kỳ \"") + bad + "\" không hợp lệ"), std::string::npos) << r.output;
        EXPECT_FALSE(std::filesystem::exists(out));
    }
    auto r = cli("journal export --period 2026Q1 --format pdf");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("cần tên tệp kết quả"), std::string::npos) << r.output;
    r = cli("journal export --period 2026Q1 -o " + shell_quote((dir / "x.docx").string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Định dạng \"docx\""), std::string::npos) << r.output;
    r = cli("report --quarter 2026Q9");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("2026Q9"), std::string::npos) << r.output;
}

TEST_F(JournalCli, ManualEntryAndCorrectionShowInTheExport) {
    auto r =
        cli("journal add-manual --date 10/01/2026 --start 19:00 --duration 15m "
            "--title 'Tiếp sóng: Chuyên mục CCHC của Đài thành phố' --topic a --form toa_dam --kind tiep_song "
            "--by 'Nguyễn Thị Lan'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("nhập tay bởi Nguyễn Thị Lan"), std::string::npos) << r.output;
    r = cli("journal correct 2 --form bai --by 'Trần Văn Minh' --reason 'Nhập nhầm hình thức'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("dòng gốc được giữ nguyên"), std::string::npos) << r.output;
    r = cli("journal export --period 2026-01 --format csv");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Tiếp sóng Đài Phát thanh thành phố"), std::string::npos);
    EXPECT_NE(r.output.find("Nhập tay: Nguyễn Thị Lan"), std::string::npos);
    EXPECT_NE(r.output.find("hình thức \"\"Phóng sự\"\" → \"\"Bài\"\""), std::string::npos) << r.output.substr(0, 2000);
    EXPECT_EQ(cli("journal verify").exit_code, 0);

    r = cli("journal add-manual --date 10/01/2026 --start 19:00 --duration 15m --title X --topic z --by Lan");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Nội dung \"z\" không có trong kế hoạch"), std::string::npos) << r.output;
    r = cli("journal add-manual --date 10/01/2026 --start 25:00 --duration 15m --title X --by Lan");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("--start không hợp lệ: \"25:00\""), std::string::npos) << r.output;
    r = cli("journal correct 9999 --form bai --by Minh --reason x");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không có dòng nhật ký số 9999"), std::string::npos) << r.output;
}

TEST_F(JournalCli, ReportWritesEveryFormatIntoTheReportsFolder) {
    const auto r = cli("report --quarter 2026Q1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const char* ext : {"xlsx", "pdf", "csv", "json"})
        EXPECT_TRUE(std::filesystem::is_regular_file(dir / "bao-cao" / (std::string("nhat-ky-2026Q1.") + ext))) << ext;
    EXPECT_NE(r.output.find("Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)"), std::string::npos) << r.output;
}

TEST_F(JournalCli, BackupIsACompleteCheckedCopy) {
    const auto copy = dir / "sao-luu" / "lp.db";
    auto r = cli("backup " + shell_quote(copy.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(run_command("sqlite3 " + shell_quote(copy.string()) +
                          " 'PRAGMA integrity_check; SELECT count(*) FROM journal;'")
                  .output,
              "ok\n" + std::to_string(totals.rows) + "\n");
    r = cli("backup " + shell_quote(copy.string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("đã có"), std::string::npos) << r.output;
}

}  // namespace

namespace {

TEST_F(JournalCli, ListShowsRowsWithTheirIdsForAPeriod) {
    // Day one: two slots of two items each, the 1st row (every 11th, counting from 0) failed.
    const auto r = cli("journal list --from 01/01/2026 --to 01/01/2026");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1  01/01/2026 05:30:00  Hướng dẫn nộp hồ sơ trực tuyến"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("4 dòng (Từ ngày 01/01/2026 đến ngày 01/01/2026)"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("02/01/2026 05:30"), std::string::npos) << "only the period asked for\n" << r.output;
}

TEST_F(JournalCli, ListFiltersByStatusAndTopicAndPrintsJson) {
    const auto all = nlohmann::json::parse(cli("journal list --period 2026-01 --json").output);
    ASSERT_EQ(static_cast<int>(all.size()), totals.rows);
    const auto failed = nlohmann::json::parse(cli("journal list --period 2026-01 --status failed --json").output);
    EXPECT_EQ(static_cast<int>(failed.size()), totals.failed);
    for (const auto& row : failed) {
        EXPECT_EQ(row["status"], "failed");
        EXPECT_GT(row["id"].get<int>(), 0);
    }
    const auto topic_m = nlohmann::json::parse(cli("journal list --period 2026-01 --topic m --json").output);
    ASSERT_FALSE(topic_m.empty());
    for (const auto& row : topic_m) {
        const auto topics = row["topics"].get<std::vector<std::string>>();
        EXPECT_NE(std::find(topics.begin(), topics.end(), "m"), topics.end()) << row.dump();
    }
}

TEST_F(JournalCli, ListRejectsAnUnknownStatusOrTopic) {
    auto r = cli("journal list --status finished");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Trạng thái \"finished\" không có"), std::string::npos) << r.output;
    r = cli("journal list --topic zz");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Mã nội dung \"zz\" không có"), std::string::npos) << r.output;
}

// Which configuration the CLI reads: --config, else $LOAPHUONG_CONFIG, else the system file;
// the demo database only when asked for.
TEST_F(JournalCli, ReadsTheConfigNamedByTheEnvironment) {
    const auto r = run_command("LOAPHUONG_CONFIG=" + shell_quote(config.string()) + " " + LP_CLI +
                               " journal list --period 2026-01");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(std::to_string(totals.rows) + " dòng"), std::string::npos) << r.output;
}

TEST(CliConfig, WithoutAnyConfigItSaysSoAndCreatesNothing) {
    if (std::filesystem::exists("/etc/loaphuong/loaphuong.toml"))
        GTEST_SKIP() << "this machine has /etc/loaphuong/loaphuong.toml, the CLI's default";
    lp::test::TempDir dir;
    const auto r = run_command("cd " + shell_quote(dir.path().string()) + " && env -u LOAPHUONG_CONFIG " + LP_CLI +
                               " journal list");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không tìm thấy tệp cấu hình /etc/loaphuong/loaphuong.toml"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("--demo"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "var"));
}

TEST(CliConfig, AMissingConfigFileIsNamed) {
    lp::test::TempDir dir;
    const auto r =
        run_command(std::string(LP_CLI) + " -c " + shell_quote((dir / "khong-co.toml").string()) + " journal list");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không tìm thấy tệp cấu hình \"" + (dir / "khong-co.toml").string() + "\""),
              std::string::npos)
        << r.output;
}

TEST(CliConfig, TheDemoIsAnExplicitChoiceAndSaysSo) {
    lp::test::TempDir dir;
    const auto r = run_command("cd " + shell_quote(dir.path().string()) + " && " + LP_CLI + " --demo journal list");
    EXPECT_NE(r.output.find("đang dùng cấu hình demo"), std::string::npos) << r.output;
    EXPECT_EQ(r.exit_code, 2) << "no demo database yet\n" << r.output;
}

}  // namespace
