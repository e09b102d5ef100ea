// A PDF report's text read back (poppler) and checked: the signed quarter verifies with the key
// alone and against the database, every line compared; a PDF re-rendered by the project's own
// writer with a forged row, or with a row left out, under the original signature, is refused
// and the line named. The pure parts: lines from a page's text, the signature paragraph left out.
#include <gtest/gtest.h>

#include <fstream>

#include "db/Store.hpp"
#include "evidence/ExportAgainstDb.hpp"
#include "evidence/PdfText.hpp"
#include "evidence/SignedExport.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::evidence;
namespace ex = lp::exporting;

std::string cells(const std::vector<ReadRow>& rows) {
    std::string out;
    for (const auto& r : rows) out += r.where + ": " + (r.cells.empty() ? "" : r.cells[0]) + "\n";
    return out;
}

std::string named(const ExportAgainstDb& c) {
    std::string out;
    for (const auto& d : c.differences) out += d.text + "\n";
    return out;
}

TEST(PdfText, LinesOfAPageWithTheirPlaceAndSpacesMadeOne) {
    const auto rows = page_rows("  STT    Ngày\n\n 1   01/01/2026\t\tTin  \f", 3);
    ASSERT_EQ(rows.size(), 2u) << cells(rows);
    EXPECT_EQ(rows[0].cells, std::vector<std::string>{"STT Ngày"});
    EXPECT_EQ(rows[0].where, "trang 3, dòng 1");
    EXPECT_EQ(rows[1].cells, std::vector<std::string>{"1 01/01/2026 Tin"});
    EXPECT_EQ(rows[1].where, "trang 3, dòng 3");
}

TEST(PdfText, TheSignatureParagraphIsLeftOutAndWhatFollowsItKept) {
    const auto rows =
        without_signature(page_rows("Tổng số dòng nhật ký: 12.\n"
                                    "Chữ ký số: LP-SIGN/1 key=0123456789abcdef seq=12 seal=ab12\n"
                                    "cd34 at=2026-03-02T01:00:00.000Z period=2026Q1 rows=12 digest=ef\n"
                                    "56 made=2026-03-02 format=pdf content=00 sig=99\n"
                                    "Trang 5\n",
                                    5));
    ASSERT_EQ(rows.size(), 2u) << cells(rows);
    EXPECT_EQ(rows[0].cells[0], "Tổng số dòng nhật ký: 12.");
    EXPECT_EQ(rows[1].cells[0], "Trang 5");
}

class PdfReadBack : public ::testing::Test {
protected:
    static inline lp::test::TempDir* dir = nullptr;
    static inline lp::sqlite::Database* db = nullptr;
    static inline KeyPair key;
    static inline Checkpoint checkpoint;
    static inline ex::Report* report = nullptr;
    static inline const date::time_zone* tz = nullptr;

    static void SetUpTestSuite() {
        dir = new lp::test::TempDir;
        db = new lp::sqlite::Database(lp::db::open_store(*dir / "j.db"));
        lp::test::write_sample_journal(*db, {2026, 1, 1}, 20);
        tz = lp::domain::zone("Asia/Ho_Chi_Minh");
        report = new ex::Report(ex::load_report(*db, ex::quarter_period(2026, 1), {}, tz, {2026, 3, 2}));
        key = make_key_pair();
        checkpoint =
            make_checkpoint(key, report->stamp.head_seq, report->stamp.head_seal, std::chrono::system_clock::now());
        write_signed_report(*report, tz, ex::Format::pdf, signed_file(), key, checkpoint);
    }
    static void TearDownTestSuite() {
        delete report;
        delete db;
        delete dir;
    }
    static std::filesystem::path signed_file() { return *dir / "nhat-ky-2026Q1.pdf"; }
    // The signed report as the file carries it, changed by `forge`, rendered again by the
    // project's own writer: the signature line (and its digest) are the original ones.
    template <typename Forge>
    static std::filesystem::path forged(const std::string& name, Forge forge) {
        auto r = signed_report(*report, tz, ex::Format::pdf, key, checkpoint);
        forge(r);
        const auto file = *dir / name;
        ex::write_report(r, tz, ex::Format::pdf, file);
        return file;
    }
    static ExportAgainstDb against_db(const std::filesystem::path& file) {
        return check_export_against_db(*db, file, key.public_hex, {}, tz);
    }
};

TEST_F(PdfReadBack, EveryLineOfTheSignedPdfIsReadBackAndMatches) {
    const auto rows = read_pdf(read_file_bytes(signed_file()), "pdf");
    // Every airing's date, its title and the footer's totals are among the lines read back.
    const auto all = cells(rows);
    EXPECT_NE(all.find(lp::test::sample_items[2].title), std::string::npos) << all;
    EXPECT_NE(all.find("Tổng số dòng nhật ký: " + std::to_string(report->stamp.rows)), std::string::npos) << all;
    EXPECT_NE(all.find("Tổng cộng"), std::string::npos);
    EXPECT_EQ(all.find("LP-SIGN/1"), std::string::npos);  // the signature's own lines are left out
    EXPECT_NE(all.find("Trang 1"), std::string::npos);

    const auto offline = check_offline(signed_file(), key.public_hex);
    EXPECT_TRUE(offline.ok()) << (offline.problems.empty() ? "" : offline.problems[0]);
    EXPECT_TRUE(offline.content_checked);
    EXPECT_NE(offline.signature->content, std::string(legacy_pdf_content));

    const auto c = against_db(signed_file());
    EXPECT_TRUE(c.ok()) << (c.problems.empty() ? "" : c.problems[0])
                        << (c.differences.empty() ? "" : c.differences[0].text);
    EXPECT_TRUE(c.rows_read_back);
}

TEST_F(PdfReadBack, AForgedRowIsRefusedAndNamed) {
    const auto file =
        forged("sua.pdf", [](ex::Report& r) { r.lines.at(4).row.plan.title = "Bài đã bị sửa sau khi ký"; });
    const auto offline = check_offline(file, key.public_hex);
    ASSERT_TRUE(offline.signature);
    EXPECT_TRUE(offline.signature_valid);
    ASSERT_EQ(offline.problems.size(), 1u);
    EXPECT_NE(offline.problems[0].find("Nội dung tệp đã bị sửa sau khi ký"), std::string::npos);

    const auto c = against_db(file);
    EXPECT_FALSE(c.ok());
    EXPECT_FALSE(c.file_matches_signature);
    ASSERT_FALSE(c.differences.empty());
    EXPECT_EQ(c.differences[0].kind, RowDifference::Kind::edited);
    EXPECT_EQ(c.differences[0].where.rfind("trang 1, dòng ", 0), 0u) << c.differences[0].where;
    EXPECT_NE(c.differences[0].text.find("Bài đã bị sửa sau khi ký"), std::string::npos) << c.differences[0].text;
}

TEST_F(PdfReadBack, ARemovedRowAndAChangedTotalAreRefusedAndNamed) {
    const auto& gone = report->lines.at(6).row;
    const auto removed = against_db(forged("xoa.pdf", [](ex::Report& r) { r.lines.erase(r.lines.begin() + 6); }));
    EXPECT_FALSE(removed.ok());
    const auto at = lp::domain::local_time_text(tz, gone.started_at.value_or(gone.plan.scheduled_at));
    EXPECT_NE(named(removed).find(at), std::string::npos) << named(removed);

    const auto total = against_db(forged("tong.pdf", [](ex::Report& r) { r.airings += 10; }));
    EXPECT_FALSE(total.ok());
    ASSERT_FALSE(total.differences.empty());
    EXPECT_NE(named(total).find(std::to_string(report->airings + 10)), std::string::npos) << named(total);
}

TEST_F(PdfReadBack, ADamagedPdfIsNamed) {
    auto bytes = read_file_bytes(signed_file());
    const auto cut = *dir / "cut.pdf";
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, 400);
    try {
        read_pdf(read_file_bytes(cut), cut.string());
        ADD_FAILURE() << "a cut PDF was read";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(cut.string()), std::string::npos) << e.what();
    }
}

}  // namespace
