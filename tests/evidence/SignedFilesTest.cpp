// A quarter's report written signed in each format on disk and checked with only the public
// key: every file verifies; an XLSX cell edited (the XML changed and re-zipped with zip), a CSV
// row deleted, a JSON row added, a total changed, a signature line altered or checked with
// another key: each refused. The read-back itself: CSV quoting, BOM, the signature row left out.
#include <gtest/gtest.h>

#include <fstream>

#include "db/Store.hpp"
#include "evidence/ReadBack.hpp"
#include "evidence/SignedExport.hpp"
#include "journal/JournalStore.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::evidence;
using lp::test::run_command;
using lp::test::shell_quote;
namespace ex = lp::exporting;

std::string slurp(const std::filesystem::path& p) { return read_file_bytes(p); }
using lp::test::spit;

class SignedFiles : public ::testing::Test {
protected:
    static inline lp::test::TempDir* dir = nullptr;
    static inline KeyPair key;
    static inline std::vector<std::filesystem::path> files;
    static inline ex::Report* report = nullptr;

    static void SetUpTestSuite() {
        dir = new lp::test::TempDir;
        auto db = lp::db::open_store(*dir / "j.db");
        lp::test::write_sample_journal(db, {2026, 1, 1}, 30);
        const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
        report = new ex::Report(ex::load_report(db, ex::quarter_period(2026, 1), {}, tz, {2026, 3, 2}));
        key = make_key_pair();
        const auto cp =
            make_checkpoint(key, report->stamp.head_seq, report->stamp.head_seal, std::chrono::system_clock::now());
        files = ex::write_report_files(*report, tz, *dir / "out",
                                       {ex::Format::xlsx, ex::Format::pdf, ex::Format::csv, ex::Format::json},
                                       [&](const ex::Report& r, ex::Format f, const std::filesystem::path& file) {
                                           write_signed_report(r, tz, f, file, key, cp);
                                       });
    }
    static void TearDownTestSuite() {
        delete report;
        delete dir;
    }
    // Made on 2 March, within the quarter: the early version's name.
    static std::filesystem::path file(const char* ext) {
        return *dir / "out" / (std::string("nhat-ky-2026Q1-den-2026-03-02.") + ext);
    }
    static std::filesystem::path copy(const char* ext, const std::string& name) {
        const auto to = *dir / name;
        std::filesystem::copy_file(file(ext), to, std::filesystem::copy_options::overwrite_existing);
        return to;
    }
};

TEST_F(SignedFiles, EveryFormatVerifiesWithThePublicKeyAlone) {
    for (const char* ext : {"xlsx", "csv", "json", "pdf"}) {
        const auto c = check_offline(file(ext), key.public_hex);
        ASSERT_TRUE(c.signature) << ext;
        EXPECT_TRUE(c.ok()) << ext << ": " << (c.problems.empty() ? "" : c.problems[0]);
        EXPECT_EQ(c.signature->format, ext);
        EXPECT_EQ(c.signature->rows, report->stamp.rows);
        EXPECT_TRUE(c.content_checked) << ext;  // the PDF's text too (evidence/PdfText.hpp)
    }
}

TEST_F(SignedFiles, TheFooterShowsTheKeysFingerprint) {
    const auto csv = slurp(file("csv"));
    EXPECT_NE(csv.find("Khóa công khai ký số của hệ thống (dấu vân tay): " + fingerprint(key.public_hex)),
              std::string::npos);
    const auto pdf_text = run_command("pdftotext -layout " + shell_quote(file("pdf").string()) + " -");
    ASSERT_EQ(pdf_text.exit_code, 0);
    EXPECT_NE(pdf_text.output.find(fingerprint(key.public_hex)), std::string::npos) << pdf_text.output;
}

TEST_F(SignedFiles, ThePdfsQrCodeReadsBackAsItsSignedCheckCode) {
    // The page with the footer and its QR code (the last of the journal's; the interest section
    // follows on pages of its own): rendered alone, read with zbarimg (zbar-tools).
    auto r = run_command("pdfinfo " + shell_quote(file("pdf").string()) + " | sed -n 's/^Pages: *//p'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::string last;
    for (int page = std::stoi(r.output); page > 0 && last.empty(); --page) {
        const auto text = run_command("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                                      shell_quote(file("pdf").string()) + " -");
        if (text.output.find("Mã QR: mã kiểm tra của tệp này") != std::string::npos) last = std::to_string(page);
    }
    ASSERT_FALSE(last.empty());
    const auto png = *dir / "qr";
    r = run_command("pdftoppm -r 200 -png -singlefile -f " + last + " -l " + last + " " +
                    shell_quote(file("pdf").string()) + " " + shell_quote(png.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = run_command("zbarimg -q --raw --nodbus " + shell_quote(png.string() + ".png") + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto signature = find_export_signature(slurp(file("pdf")));
    ASSERT_TRUE(signature);
    EXPECT_EQ(r.output, signature->checkpoint.line() + "\n");
    const auto decoded = find_export_signature(r.output);
    ASSERT_TRUE(decoded);
    EXPECT_TRUE(signed_by(decoded->checkpoint, key.public_hex));
    EXPECT_EQ(decoded->format, "pdf");
}

TEST_F(SignedFiles, ReadBackSeesTheRowsAReviewerSees) {
    const auto rows = read_xlsx(slurp(file("xlsx")), "x");
    // Three sheets; the detail sheet holds a line per journal row with its title.
    const auto title_rows = std::count_if(rows.begin(), rows.end(), [](const ReadRow& r) {
        return r.group == "1" && r.cells.size() > 5 && r.cells[5] == lp::test::sample_items[0].title;
    });
    EXPECT_GT(title_rows, 0);
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const ReadRow& r) { return r.group == "3"; }));
    for (const auto& r : rows)
        for (const auto& c : r.cells) EXPECT_EQ(c.find("LP-SIGN/1"), std::string::npos) << r.where;

    const auto csv = read_csv(
        "\xEF\xBB\xBF"
        "a,\"b, \"\"c\"\"\",\r\n\"x\r\ny\",2\r\nChữ ký số: LP-SIGN/1 k=v\r\n",
        "t");
    ASSERT_EQ(csv.size(), 2u);
    EXPECT_EQ(csv[0].cells, (std::vector<std::string>{"a", "b, \"c\""}));
    EXPECT_EQ(csv[1].cells, (std::vector<std::string>{"x\r\ny", "2"}));
    EXPECT_EQ(csv[1].where, "dòng 2");
    EXPECT_THROW(read_csv("a,\"open", "t"), std::runtime_error);
    EXPECT_THROW(read_json("{\"rows\": [", "t"), std::runtime_error);
    EXPECT_THROW(read_xlsx("PK\x03\x04 cut", "t"), std::runtime_error);
}

TEST_F(SignedFiles, AnXlsxWhoseCellWasEditedIsRefused) {
    const auto work = *dir / "xlsx-edit";
    std::filesystem::create_directories(work);
    auto r = run_command("cd " + shell_quote(work.string()) + " && unzip -q " + shell_quote(file("xlsx").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto strings = work / "xl" / "sharedStrings.xml";
    auto xml = slurp(strings);
    const std::string title = lp::test::sample_items[1].title;
    const auto at = xml.find(title);
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, title.size(), "Phỏng vấn: đã sửa sau khi xuất");
    spit(strings, xml);
    const auto edited = *dir / "edited.xlsx";
    r = run_command("cd " + shell_quote(work.string()) + " && zip -q -r " + shell_quote(edited.string()) + " .");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto c = check_offline(edited, key.public_hex);
    ASSERT_TRUE(c.signature);
    EXPECT_TRUE(c.signature_valid);
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_NE(c.problems[0].find("Nội dung tệp đã bị sửa sau khi ký"), std::string::npos);
}

TEST_F(SignedFiles, ADeletedCsvRowAChangedTotalAndAnAddedJsonRowAreRefused) {
    const auto csv = copy("csv", "deleted.csv");
    auto text = slurp(csv);
    const auto second = text.find("\r\n", text.find("\r\n") + 2);  // the end of the first data row
    text.erase(text.find("\r\n") + 2, second - text.find("\r\n"));
    spit(csv, text);
    EXPECT_FALSE(check_offline(csv, key.public_hex).ok());

    const auto total = copy("csv", "total.csv");
    text = slurp(total);
    const auto t = text.find("Tổng số dòng nhật ký: ");
    ASSERT_NE(t, std::string::npos);
    text.replace(t, std::string("Tổng số dòng nhật ký: ").size(), "Tổng số dòng nhật ký: 9");
    spit(total, text);
    EXPECT_FALSE(check_offline(total, key.public_hex).ok());

    const auto json = copy("json", "added.json");
    text = slurp(json);
    const auto rows = text.find("\"rows\": [");
    ASSERT_NE(rows, std::string::npos);
    text.insert(rows + 9, "{\"title\": \"Bài thêm vào\"},");
    spit(json, text);
    const auto c = check_offline(json, key.public_hex);
    EXPECT_TRUE(c.signature_valid);
    EXPECT_FALSE(c.ok());
}

TEST_F(SignedFiles, AnotherKeyOrAnAlteredSignatureLineIsRefused) {
    const auto c = check_offline(file("csv"), make_key_pair().public_hex);
    EXPECT_TRUE(c.other_key);
    ASSERT_FALSE(c.problems.empty());
    EXPECT_NE(c.problems[0].find("được ký bằng khóa khác"), std::string::npos);

    const auto altered = copy("json", "altered.json");
    auto text = slurp(altered);
    const auto at = text.find(" rows=", text.find("LP-SIGN/1"));
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 6, "1");
    spit(altered, text);
    const auto d = check_offline(altered, key.public_hex);
    ASSERT_TRUE(d.signature);
    EXPECT_FALSE(d.signature_valid);
    EXPECT_NE(d.problems.at(0).find("Chữ ký số không hợp lệ"), std::string::npos);
}

}  // namespace
