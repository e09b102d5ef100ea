// Issue 14 through the real loaphuong binary on a real SQLite file: the attacks that passed
// `journal verify` before signed checkpoints (a clean truncation with the head set back, done
// with the sqlite3 CLI; every seal recomputed after an edit, done with the chain's own code)
// are named with the checkpoint's date, also when only an export handed in earlier still holds
// the checkpoint; exported files are read back (an XLSX cell edited and re-zipped, a CSV row
// deleted, a JSON row added, a PDF re-rendered with a forged row under its signature) and each
// change named; a report made before its period ends
// still verifies; `verify-export` checks files with the public key and no database.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>

#include "db/Store.hpp"
#include "evidence/KeyFile.hpp"
#include "evidence/SignedExport.hpp"
#include "export/ReportFiles.hpp"
#include "export/ZipText.hpp"
#include "journal/JournalStore.hpp"
#include "journal/Seal.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::run_command;
using lp::test::shell_quote;
using lp::test::slurp;
using lp::test::spit;

class EvidenceCli : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path db_file = dir / "var" / "lp.db";
    std::filesystem::path config = dir / "loaphuong.toml";
    std::filesystem::path key_file = dir / "var" / "signing.key";
    std::filesystem::path checkpoints = dir / "second-disk" / "checkpoints.log";
    lp::test::SampleTotals totals;
    std::string today =
        lp::domain::local_date_text(lp::domain::zone("Asia/Ho_Chi_Minh"), std::chrono::system_clock::now());

    void SetUp() override {
        std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\n"
                                 "[organisation]\nparent_body = \"UBND PHƯỜNG AN HẢI\"\nplace = \"An Hải\"\n"
                                 "[reports]\ndir = \"bao-cao\"\ncheckpoint_file = \"second-disk/checkpoints.log\"\n";
        auto db = lp::db::open_store(db_file);
        totals = lp::test::write_sample_journal(db, {2026, 1, 1}, 20);
    }
    lp::test::CommandResult cli(const std::string& args) {
        return run_command(std::string(LP_CLI) + " -c " + shell_quote(config.string()) + " " + args);
    }
    std::string exported(const std::string& name, const std::string& period = "2026Q1") {
        const auto file = (dir / name).string();
        const auto r = cli("journal export --period " + period + " -o " + shell_quote(file));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        return file;
    }
    void sql(const std::string& statements) {
        const auto r = run_command("sqlite3 " + shell_quote(db_file.string()) + " " + shell_quote(statements));
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    void drop_triggers() {
        sql("DROP TRIGGER journal_sealed_rows_are_final; DROP TRIGGER journal_rows_are_never_deleted;");
    }
};

TEST_F(EvidenceCli, TheFirstExportMakesTheKeyAndEveryExportRecordsASignedCheckpoint) {
    exported("q1.csv");
    ASSERT_TRUE(std::filesystem::exists(key_file));
    struct stat st {};
    ASSERT_EQ(::stat(key_file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_TRUE(std::filesystem::exists(key_file.string() + ".pub"));
    exported("q1.json");
    const auto lines = slurp(checkpoints);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 2) << lines;
    EXPECT_EQ(lines.rfind("LP-CKPT/1 ", 0), 0u) << lines;
    const auto v = cli("journal verify");
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("Chuỗi khớp với 4 mốc kiểm tra đã ký"), std::string::npos) << v.output;  // db + file
}

TEST_F(EvidenceCli, ACleanTruncationIsNamedEvenWithTheDatabasesCheckpointsDeleted) {
    const auto csv = exported("q1.csv");
    drop_triggers();
    // The last three rows deleted and the head set back to the new last seal: the chain alone holds.
    sql("DELETE FROM journal WHERE chain_seq > (SELECT max(chain_seq) - 3 FROM journal);"
        "UPDATE journal_head SET chain_seq = (SELECT max(chain_seq) FROM journal), "
        "seal = (SELECT seal FROM journal ORDER BY chain_seq DESC LIMIT 1);");
    auto v = cli("journal verify");
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("Nhật ký toàn vẹn"), std::string::npos) << v.output;  // what passed before
    EXPECT_NE(v.output.find("nhật ký đã bị cắt bớt sau mốc ngày " + today), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("chỉ còn đến mắt xích số " + std::to_string(totals.rows - 3)), std::string::npos)
        << v.output;

    // The attacker also deletes the database's checkpoints and the file's: the export handed in still holds one.
    sql("DELETE FROM journal_checkpoint;");
    std::filesystem::remove(checkpoints);
    v = cli("journal verify");
    EXPECT_EQ(v.exit_code, 0) << v.output;  // nothing left on the box to tell
    v = cli("journal verify --export " + shell_quote(csv));
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("nhật ký đã bị cắt bớt sau mốc ngày " + today), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("tệp " + csv), std::string::npos) << v.output;
}

TEST_F(EvidenceCli, ARewriteOfEverySealAfterAnEditIsNamed) {
    exported("q1.json");
    drop_triggers();
    {
        // The attacker's program: edit row 5, then recompute every seal after it and the head.
        auto db = lp::db::open_store(db_file);
        db.exec("UPDATE journal SET title = 'Bài đã bị sửa' WHERE chain_seq = 5");
        lp::journal::JournalStore journal(db);
        auto prev = db.prepare("SELECT seal FROM journal WHERE chain_seq = 4");
        ASSERT_TRUE(prev.step());
        std::string seal = prev.text(0);
        std::vector<std::pair<std::int64_t, std::int64_t>> ids;  // id, chain_seq
        auto st = db.prepare("SELECT id, chain_seq FROM journal WHERE chain_seq >= 5 ORDER BY chain_seq");
        while (st.step()) ids.emplace_back(st.integer(0), st.integer(1));
        for (const auto& [id, seq] : ids) {
            seal = lp::journal::seal_of(seal, journal.row(id), seq);
            auto up = db.prepare("UPDATE journal SET seal = ? WHERE id = ?");
            up.bind(1, seal).bind(2, id);
            up.step();
        }
        auto head = db.prepare("UPDATE journal_head SET seal = ?");
        head.bind(1, seal);
        head.step();
    }
    const auto v = cli("journal verify");
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("Nhật ký toàn vẹn"), std::string::npos) << v.output;  // the unkeyed chain is fooled
    EXPECT_NE(
        v.output.find("chuỗi đã bị viết lại sau mốc ngày " + today + ": mắt xích số " + std::to_string(totals.rows)),
        std::string::npos)
        << v.output;
}

TEST_F(EvidenceCli, AnEditedXlsxCellADeletedCsvRowAndAnAddedJsonRowAreNamed) {
    const auto xlsx = exported("q1.xlsx");
    const auto csv = exported("q1.csv");
    const auto json = exported("q1.json");
    // The XLSX: a title edited in the sheet's strings, re-zipped.
    const auto work = dir / "x";
    std::filesystem::create_directories(work);
    ASSERT_EQ(run_command("cd " + shell_quote(work.string()) + " && unzip -q " + shell_quote(xlsx)).exit_code, 0);
    auto strings = slurp(work / "xl" / "sharedStrings.xml");
    const std::string title = lp::test::sample_items[2].title;
    ASSERT_NE(strings.find(title), std::string::npos);
    strings.replace(strings.find(title), title.size(), "Thông báo đã sửa");
    spit(work / "xl" / "sharedStrings.xml", strings);
    std::filesystem::remove(xlsx);
    ASSERT_EQ(run_command("cd " + shell_quote(work.string()) + " && zip -q -r " + shell_quote(xlsx) + " .").exit_code,
              0);
    // The CSV: its fourth journal row deleted.
    auto text = slurp(csv);
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) at = text.find("\r\n", at) + 2;
    const auto deleted = text.substr(at, text.find("\r\n", at) + 2 - at);
    text.erase(at, deleted.size());
    spit(csv, text);
    // The JSON: a row added.
    text = slurp(json);
    text.insert(text.find("\"rows\": [") + 9, "{\"title\": \"Bài thêm vào\"},");
    spit(json, text);

    const auto v =
        cli("journal verify --export " + shell_quote(xlsx) + " " + shell_quote(csv) + " " + shell_quote(json));
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("trang tính 1, hàng"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("đã bị sửa: tệp ghi «"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("Thông báo đã sửa"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("thiếu hàng «4 | "), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("(dòng 5 của bản đã ký): đã bị xóa"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("rows[0] «{\"title\":\"Bài thêm vào\"}» không có trong bản đã ký"), std::string::npos)
        << v.output;

    // The public key alone tells the same files were changed after signing.
    for (const auto& f : {xlsx, csv, json}) {
        const auto r = run_command(std::string(LP_CLI) + " verify-export " + shell_quote(f) + " --key " +
                                   shell_quote(key_file.string() + ".pub"));
        EXPECT_EQ(r.exit_code, 1) << r.output;
        EXPECT_NE(r.output.find("Nội dung tệp đã bị sửa sau khi ký"), std::string::npos) << r.output;
    }
}

// A PDF re-rendered by the project's own writer with one title changed, carrying the signature
// of the file the CLI exported: the text read back names the line.
TEST_F(EvidenceCli, APdfWithAForgedRowIsNamed) {
    const auto pdf = exported("q1.pdf");
    const auto signature = lp::evidence::read_signed_file(pdf).signature;
    ASSERT_TRUE(signature);
    const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    lp::exporting::Report r;
    {
        auto db = lp::db::open_store(db_file);
        lp::config::Organisation organisation;
        organisation.parent_body = "UBND PHƯỜNG AN HẢI";
        organisation.place = "An Hải";
        r = lp::exporting::load_report(db, lp::exporting::quarter_period(2026, 1), organisation, tz,
                                       *lp::domain::parse_date(signature->made_on));
    }
    r.key_fingerprint = lp::evidence::fingerprint(lp::evidence::load_public_key(key_file.string() + ".pub"));
    r.signature_line = signature->checkpoint.line();
    r.lines.at(3).row.plan.title = "Tin giả mạo chèn vào sau khi ký";
    const auto forged = dir / "q1-forged.pdf";
    lp::exporting::write_report(r, tz, lp::exporting::Format::pdf, forged);

    const auto honest = cli("journal verify --export " + shell_quote(pdf));
    EXPECT_EQ(honest.exit_code, 0) << honest.output;
    EXPECT_NE(honest.output.find("mọi hàng trong tệp đã được đọc lại và khớp"), std::string::npos) << honest.output;
    const auto v = cli("journal verify --export " + shell_quote(forged.string()));
    EXPECT_NE(v.exit_code, 0) << v.output;
    // The title wraps in its cell: its first line is on the row's line.
    EXPECT_NE(v.output.find("đã bị sửa: tệp ghi «4 01/01/2026"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("Tin giả mạo chèn vào"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("trang 1, dòng "), std::string::npos) << v.output;
    const auto offline = run_command(std::string(LP_CLI) + " verify-export " + shell_quote(forged.string()) +
                                     " --key " + shell_quote(key_file.string() + ".pub"));
    EXPECT_EQ(offline.exit_code, 1) << offline.output;
    EXPECT_NE(offline.output.find("Nội dung tệp đã bị sửa sau khi ký"), std::string::npos) << offline.output;
}

TEST_F(EvidenceCli, AReportMadeBeforeItsPeriodEndsStillVerifiesLater) {
    const auto xlsx = exported("q1.xlsx");
    const auto csv = exported("q1.csv");
    ASSERT_EQ(
        cli("journal add-manual --date 25/03/2026 --start 19:00 --duration 10m --title 'Đọc tin' --by 'Lan'").exit_code,
        0);
    for (const auto& f : {xlsx, csv}) {
        const auto v = cli("journal verify --export " + shell_quote(f));
        EXPECT_EQ(v.exit_code, 0) << v.output;
        EXPECT_NE(v.output.find("mọi hàng trong tệp đã được đọc lại và khớp"), std::string::npos) << v.output;
        EXPECT_NE(v.output.find("1 dòng nhật ký của kỳ được ghi sau mốc này"), std::string::npos) << v.output;
    }
}

TEST_F(EvidenceCli, VerifyExportNeedsNeitherTheDatabaseNorTheConfiguration) {
    std::vector<std::string> files;
    for (const char* ext : {"xlsx", "pdf", "csv", "json"}) files.push_back(exported(std::string("q1.") + ext));
    const auto pub = dir / "ubnd" / "loaphuong.pub";
    std::filesystem::create_directories(pub.parent_path());
    std::filesystem::copy_file(key_file.string() + ".pub", pub);
    std::filesystem::remove_all(dir / "var");  // no database, no secret key
    std::filesystem::remove(config);
    for (const auto& f : files) {
        const auto r = run_command(std::string(LP_CLI) + " verify-export " + shell_quote(f) + " --key " +
                                   shell_quote(pub.string()));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        EXPECT_NE(r.output.find("chữ ký số hợp lệ"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("kỳ 2026Q1, " + std::to_string(totals.rows) + " dòng nhật ký"), std::string::npos)
            << r.output;
    }
}

TEST_F(EvidenceCli, TheReportCommandsFilesAreSigned) {
    const auto r = cli("report --quarter 2026Q1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const char* ext : {"xlsx", "pdf", "csv", "json"}) {
        const auto file = (dir / "bao-cao" / (std::string("nhat-ky-2026Q1.") + ext)).string();
        const auto v = run_command(std::string(LP_CLI) + " verify-export " + shell_quote(file) + " --key " +
                                   shell_quote(key_file.string() + ".pub"));
        EXPECT_EQ(v.exit_code, 0) << v.output;
        EXPECT_NE(v.output.find("chữ ký số hợp lệ"), std::string::npos) << v.output;
    }
    const auto v = cli("journal verify --export " + shell_quote((dir / "bao-cao" / "nhat-ky-2026Q1.xlsx").string()));
    EXPECT_EQ(v.exit_code, 0) << v.output;
}

// The package through the real binary: written with the narrative and number, verified without
// the database, and a member swapped with the zip CLI named with exit status 1; on the box,
// `journal verify --export` checks it against the database too.
TEST_F(EvidenceCli, ThePackageVerifiesWithoutTheBoxAndASwappedMemberIsNamed) {
    spit(dir / "ket-qua.txt", "Phát đủ 120 lượt tin, bài CCHC theo kế hoạch.");
    auto r = cli("report --quarter 2026Q1 --package --number 12 --achieved @" +
                 shell_quote((dir / "ket-qua.txt").string()) + " --proposals 'Bổ sung loa cụm 3'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto zip = dir / "bao-cao" / "nhat-ky-2026Q1.zip";
    ASSERT_TRUE(std::filesystem::is_regular_file(zip)) << r.output;
    auto v = cli("journal verify --export " + shell_quote(zip.string()));
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("Gói hợp lệ"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("mọi hàng trong tệp đã được đọc lại và khớp"), std::string::npos) << v.output;
    // The narrative and the number are in the XLSX a reviewer opens.
    const auto work = dir / "goi";
    std::filesystem::create_directories(work);
    r = run_command("cd " + shell_quote(work.string()) + " && unzip -q " + shell_quote(zip.string()) +
                    " && unzip -p nhat-ky-2026Q1.xlsx xl/sharedStrings.xml");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Phát đủ 120 lượt tin, bài CCHC theo kế hoạch."), std::string::npos);
    EXPECT_NE(r.output.find("Số: 12/BC-TTDVSNC"), std::string::npos);
    EXPECT_NE(r.output.find("Nơi nhận:"), std::string::npos);

    const auto pub = dir / "box.pub";
    std::filesystem::copy_file(key_file.string() + ".pub", pub);
    const auto copy = dir / "nop.zip";
    std::filesystem::copy_file(zip, copy);
    std::filesystem::remove_all(dir / "var");  // no database, no secret key
    const auto offline = [&](const std::filesystem::path& f) {
        return run_command(std::string(LP_CLI) + " verify-export " + shell_quote(f.string()) + " --key " +
                           shell_quote(pub.string()));
    };
    v = offline(copy);
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("Gói hợp lệ"), std::string::npos) << v.output;
    // Swap the JSON for the CSV's bytes under the JSON's name.
    std::filesystem::copy_file(work / "nhat-ky-2026Q1.csv", work / "nhat-ky-2026Q1.json",
                               std::filesystem::copy_options::overwrite_existing);
    r = run_command("cd " + shell_quote(work.string()) + " && zip -q " + shell_quote(copy.string()) +
                    " nhat-ky-2026Q1.json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    v = offline(copy);
    EXPECT_EQ(v.exit_code, 1) << v.output;
    EXPECT_NE(v.output.find("Tệp nhat-ky-2026Q1.json trong gói đã bị thay hoặc sửa"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("Gói KHÔNG hợp lệ"), std::string::npos) << v.output;
}

// A package made after the period's report files (the scheduled ones, or an earlier run the
// same day with fewer words): the files beside the ZIP are its members, byte for byte.
TEST_F(EvidenceCli, ThePackageLeavesBesideItTheFilesItHoldsNotOlderOnes) {
    auto r = cli("report --quarter 2026Q1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = cli("report --quarter 2026Q1 --package --achieved 'Phát đủ lượt theo kế hoạch.'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto reports = dir / "bao-cao";
    const auto members =
        lp::exporting::zip_entries(lp::evidence::read_file_bytes(reports / "nhat-ky-2026Q1.zip"), "zip");
    int loose = 0;
    for (const auto& e : std::filesystem::directory_iterator(reports)) {
        const auto name = e.path().filename().string();
        if (name == "nhat-ky-2026Q1.zip") continue;
        ++loose;
        EXPECT_NE(r.output.find(e.path().string()), std::string::npos) << name << " not listed:\n" << r.output;
        const auto member =
            std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.first == name; });
        ASSERT_NE(member, members.end()) << name << " is not in the package";
        EXPECT_TRUE(member->second == slurp(e.path())) << name << " differs from the package's member";
    }
    EXPECT_EQ(loose, 5);  // [reports] formats: all four by default, and the interest CSV beside the CSV
    EXPECT_NE(lp::exporting::searchable_text(reports / "nhat-ky-2026Q1.xlsx").find("Phát đủ lượt theo kế hoạch."),
              std::string::npos);
}

TEST_F(EvidenceCli, VerifyExportNamesBadInput) {
    const auto csv = exported("q1.csv");
    const auto verify = [&](const std::string& args) {
        return run_command(std::string(LP_CLI) + " verify-export " + args);
    };
    // A key from another box.
    const auto other = dir / "other.pub";
    spit(other, std::string(64, 'a') + "\n");
    auto r = verify(shell_quote(csv) + " --key " + shell_quote(other.string()));
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("được ký bằng khóa khác"), std::string::npos) << r.output;
    // Not a key at all, and a missing one.
    r = verify(shell_quote(csv) + " --key " + shell_quote(csv));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("không phải khóa công khai Ed25519"), std::string::npos) << r.output;
    r = verify(shell_quote(csv));
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("--key"), std::string::npos) << r.output;
    // A missing file, and a file cut short (its signature line lost).
    const auto pub = shell_quote(key_file.string() + ".pub");
    r = verify(shell_quote((dir / "khong-co.csv").string()) + " --key " + pub);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Không tìm thấy tệp"), std::string::npos) << r.output;
    const auto cut = dir / "cut.csv";
    const auto text = slurp(csv);
    spit(cut, text.substr(0, text.size() / 2));
    r = verify(shell_quote(cut.string()) + " --key " + pub);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("KHÔNG có chữ ký số"), std::string::npos) << r.output;
    // Nothing was changed by any of it.
    EXPECT_EQ(slurp(csv), text);
}

}  // namespace
