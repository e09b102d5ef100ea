// The interest section in a quarter's signed report: its figures match what the database holds
// (listens, QR scans and feed fetches per day, approved feedback, stream listeners per airing);
// the XLSX has its own sheet with a chart, the PDF a last section, the JSON an "interest" member,
// and a CSV of its own beside the journal's. The signature covers the section in every file: an
// edited figure is refused with the public key alone. Checked against the database, a figure that
// changed since (feedback approved later) is a named note, not a mismatch.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "db/Store.hpp"
#include "evidence/ExportAgainstDb.hpp"
#include "evidence/InterestPart.hpp"
#include "evidence/PdfText.hpp"
#include "evidence/ReadBack.hpp"
#include "evidence/SignedExport.hpp"
#include "export/ZipText.hpp"
#include "export/ZipWriter.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::evidence;
namespace ex = lp::exporting;
using nlohmann::json;

using lp::test::spit;

void count(lp::sqlite::Database& db, const char* day, std::int64_t item, const char* kind, int n) {
    db.prepare("INSERT INTO reach_count (day, media_item_id, kind, count) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, day)
        .bind(2, item)
        .bind(3, kind)
        .bind(4, n)
        .run();
}

void feedback(lp::sqlite::Database& db, std::optional<std::int64_t> item, const char* topic, const char* channel,
              const char* day, std::optional<int> rating, const char* comment, const char* status) {
    db.prepare(
          "INSERT INTO feedback (media_item_id, topic, channel, day, rating, comment, status) VALUES (?1, ?2, ?3, ?4, "
          "?5, ?6, ?7)")
        .bind(1, item)
        .bind(2, topic ? std::optional<std::string>(topic) : std::nullopt)
        .bind(3, channel)
        .bind(4, day)
        .bind(5, rating ? std::optional<std::int64_t>(*rating) : std::nullopt)
        .bind(6, comment ? std::optional<std::string>(comment) : std::nullopt)
        .bind(7, status)
        .run();
}

class InterestEvidence : public ::testing::Test {
protected:
    static inline lp::test::TempDir* dir = nullptr;
    static inline KeyPair key;
    static inline std::vector<std::filesystem::path> files;
    static inline const date::time_zone* tz = nullptr;
    static inline std::int64_t first_airing = 0;

    static void SetUpTestSuite() {
        dir = new lp::test::TempDir;
        tz = lp::domain::zone("Asia/Ho_Chi_Minh");
        auto db = lp::db::open_store(*dir / "j.db");
        lp::test::write_sample_journal(db, {2026, 1, 1}, 30);
        // Item 1 (sample_items[0], topic m): listens on two days of the quarter, one the day before.
        count(db, "2026-01-10", 1, "listen", 5);
        count(db, "2026-02-01", 1, "listen", 2);
        count(db, "2025-12-31", 1, "listen", 100);
        count(db, "2026-01-12", 2, "qr", 3);
        count(db, "2026-01-12", 0, "feed", 4);
        count(db, "2026-01-13", 0, "qr", 1);
        feedback(db, 1, nullptr, "web", "2026-01-11", 5, "Rất hữu ích <b>cảm ơn</b>", "approved");
        feedback(db, 1, nullptr, "zalo", "2026-01-15", 3, nullptr, "approved");
        feedback(db, 2, nullptr, "web", "2026-01-16", 1, "Chờ duyệt", "pending");
        feedback(db, std::nullopt, "m", "hop_to_dan_pho", "2026-02-03", std::nullopt, "Cần hướng dẫn thêm", "approved");
        // Item 1's first airing on two stream outputs.
        auto st = db.prepare("SELECT MIN(id) FROM journal WHERE media_item_id = 1 AND status = 'completed'");
        st.step();
        first_airing = st.integer(0);
        for (const auto& [output, peak, mean] : {std::tuple{"web", 6, 4.5}, std::tuple{"loa-ip", 3, 2.0}})
            db.prepare(
                  "INSERT INTO airing_listeners (journal_id, output, peak, mean, samples) VALUES (?1, ?2, ?3, ?4, 9)")
                .bind(1, first_airing)
                .bind(2, output)
                .bind(3, peak)
                .bind(4, mean)
                .run();
        const auto report = ex::load_report(db, ex::quarter_period(2026, 1), {}, tz, {2026, 4, 2});
        key = make_key_pair();
        const auto cp =
            make_checkpoint(key, report.stamp.head_seq, report.stamp.head_seal, std::chrono::system_clock::now());
        files = ex::write_report_files(report, tz, *dir / "out",
                                       {ex::Format::xlsx, ex::Format::pdf, ex::Format::csv, ex::Format::json},
                                       [&](const ex::Report& r, ex::Format f, const std::filesystem::path& out) {
                                           write_signed_report(r, tz, f, out, key, cp);
                                       });
    }
    static void TearDownTestSuite() { delete dir; }
    static std::filesystem::path file(const std::string& name) { return *dir / "out" / name; }
    static ExportAgainstDb against_db(const std::filesystem::path& f) {
        auto db = lp::db::open_store(*dir / "j.db");
        return check_export_against_db(db, f, key.public_hex, {}, tz);
    }
    static json interest_of_json() { return json::parse(read_file_bytes(file("nhat-ky-2026Q1.json")))["interest"]; }
    static const json& item(const json& in, std::int64_t id) {
        for (const auto& i : in["items"])
            if (i["id"] == id) return i;
        throw std::runtime_error("no item");
    }
};

TEST_F(InterestEvidence, TheJsonFiguresAreTheDatabases) {
    const auto in = interest_of_json();
    const auto& first = item(in, 1);
    EXPECT_EQ(first["title"], lp::test::sample_items[0].title);
    EXPECT_EQ(first["listens"], 7);  // 5 + 2; the day before the quarter is not counted
    EXPECT_EQ(first["feedback"], 2);
    EXPECT_DOUBLE_EQ(first["rating"].get<double>(), 4.0);
    EXPECT_EQ(first["listeners_measured"], 1);
    EXPECT_EQ(first["listeners_peak"], 9);  // 6 + 3 over the two outputs
    EXPECT_DOUBLE_EQ(first["listeners_mean"].get<double>(), 6.5);
    EXPECT_EQ(first["score"], 9);
    EXPECT_EQ(item(in, 2)["qr_scans"], 3);
    EXPECT_EQ(item(in, 2)["feedback"], 0);  // the pending one is not counted
    EXPECT_EQ(in["feed_fetches"], 4);
    EXPECT_EQ(in["page_qr"], 1);
    EXPECT_EQ(in["most"][0], 1);
    ASSERT_EQ(in["comments"].size(), 2u);
    EXPECT_EQ(in["comments"][0]["text"], "Rất hữu ích <b>cảm ơn</b>");
    EXPECT_EQ(in["comments"][1]["channel_label"], "Họp tổ dân phố");
    for (const auto& t : in["by_topic"])
        if (t["code"] == "m") {
            EXPECT_EQ(t["feedback"], 3);  // item 1's two and the meeting's
        }
}

TEST_F(InterestEvidence, TheInterestCsvSitsBesideTheJournalCsv) {
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.filename().string());
    EXPECT_EQ(names, (std::vector<std::string>{"nhat-ky-2026Q1.xlsx", "nhat-ky-2026Q1.pdf", "nhat-ky-2026Q1.csv",
                                               "nhat-ky-2026Q1-quan-tam.csv", "nhat-ky-2026Q1.json"}));
    const auto rows = read_csv(read_file_bytes(file("nhat-ky-2026Q1-quan-tam.csv")), "csv");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].cells, std::vector<std::string>{ex::interest_heading});
    const auto ranked_first = std::find_if(rows.begin(), rows.end(), [](const ReadRow& r) {
        return r.cells.size() > 1 && r.cells[0] == "1" && r.cells[1] == lp::test::sample_items[0].title;
    });
    ASSERT_NE(ranked_first, rows.end());
    // Hạng, title, topics, airings, minutes, peak, mean, listens, QR, feedback, rating, score.
    EXPECT_EQ(ranked_first->cells[5], "9");
    EXPECT_EQ(ranked_first->cells[6], "6,5");
    EXPECT_EQ(ranked_first->cells[7], "7");
    EXPECT_EQ(ranked_first->cells[10], "4,0");
    EXPECT_EQ(ranked_first->cells[11], "9");
    // The journal CSV has no interest rows.
    const auto journal_rows = read_csv(read_file_bytes(file("nhat-ky-2026Q1.csv")), "csv");
    EXPECT_TRUE(split_interest(journal_rows).second.empty());
}

TEST_F(InterestEvidence, TheXlsxHasTheSheetAndItsChart) {
    const auto entries = ex::zip_entries(read_file_bytes(file("nhat-ky-2026Q1.xlsx")), "xlsx");
    std::string workbook, chart;
    for (const auto& [name, data] : entries) {
        if (name == "xl/workbook.xml") workbook = data;
        if (name.starts_with("xl/charts/chart") && data.find("Lượt nghe lại") != std::string::npos) chart = data;
    }
    EXPECT_NE(workbook.find("name=\"Quan tâm\""), std::string::npos) << workbook;
    ASSERT_FALSE(chart.empty()) << "no chart of the interest sheet";
    EXPECT_NE(chart.find("<c:barChart>"), std::string::npos);
    EXPECT_NE(chart.find("'Quan tâm'!$H$"), std::string::npos) << chart;  // listens again, column H
    EXPECT_NE(chart.find("Số ý kiến"), std::string::npos);
    const auto rows = read_xlsx(read_file_bytes(file("nhat-ky-2026Q1.xlsx")), "xlsx");
    const auto [journal, interest] = split_interest(rows);
    ASSERT_FALSE(interest.empty());
    EXPECT_EQ(interest.front().group, "4");  // the fourth sheet, after the three of the journal
    EXPECT_TRUE(std::any_of(interest.begin(), interest.end(), [](const ReadRow& r) {
        return std::find(r.cells.begin(), r.cells.end(), "Rất hữu ích <b>cảm ơn</b>") != r.cells.end();
    }));
}

TEST_F(InterestEvidence, ThePdfEndsWithTheSection) {
    const auto rows = read_pdf(read_file_bytes(file("nhat-ky-2026Q1.pdf")), "pdf");
    const auto [journal, interest] = split_interest(rows);
    ASSERT_FALSE(interest.empty());
    std::string text;
    for (const auto& r : interest) text += r.cells.front() + "\n";
    EXPECT_NE(text.find("Rất hữu ích <b>cảm ơn</b>"), std::string::npos) << text;
    EXPECT_NE(text.find("Cần hướng dẫn thêm"), std::string::npos) << text;
    EXPECT_NE(text.find("Tin, bài được quan tâm nhiều nhất: " + std::string(lp::test::sample_items[0].title)),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Nguồn tin podcast được tải 4 lần; mã QR của trang nghe lại được quét 1 lần."),
              std::string::npos)
        << text;
}

TEST_F(InterestEvidence, EveryFileVerifiesAndMatchesTheDatabase) {
    for (const auto& f : files) {
        const auto offline = check_offline(f, key.public_hex);
        EXPECT_TRUE(offline.ok()) << f << ": " << (offline.problems.empty() ? "" : offline.problems[0]);
        EXPECT_TRUE(offline.content_checked) << f;
        const auto c = against_db(f);
        EXPECT_TRUE(c.ok()) << f << ": " << (c.problems.empty() ? "" : c.problems[0])
                            << (c.differences.empty() ? "" : c.differences[0].text);
        EXPECT_TRUE(c.interest_notes.empty()) << f << ": " << c.interest_notes.front();
    }
}

TEST_F(InterestEvidence, AnEditedInterestFigureIsRefusedWithThePublicKey) {
    // JSON: item 1's listens 7 → 70.
    auto doc = json::parse(read_file_bytes(file("nhat-ky-2026Q1.json")));
    for (auto& i : doc["interest"]["items"])
        if (i["id"] == 1) i["listens"] = 70;
    spit(*dir / "sua.json", doc.dump(2));
    // The interest CSV: the score of the first item.
    auto csv = read_file_bytes(file("nhat-ky-2026Q1-quan-tam.csv"));
    const std::string score = ",\"4,0\",9\r\n";
    const auto at = csv.find(score);
    ASSERT_NE(at, std::string::npos);
    csv.replace(at, score.size(), ",\"4,0\",99\r\n");
    spit(*dir / "sua-quan-tam.csv", csv);
    // The XLSX: a resident's comment in the shared strings (only the interest sheet shows it).
    auto entries = ex::zip_entries(read_file_bytes(file("nhat-ky-2026Q1.xlsx")), "xlsx");
    std::vector<ex::ZipMember> members;
    for (auto& [name, data] : entries) {
        if (name == "xl/sharedStrings.xml") {
            const auto p = data.find("Cần hướng dẫn thêm");
            ASSERT_NE(p, std::string::npos);
            data.replace(p, std::string("Cần hướng dẫn thêm").size(), "Rất tốt");
        }
        members.push_back({name, data});
    }
    spit(*dir / "sua.xlsx", ex::zip_archive(members));
    for (const char* name : {"sua.json", "sua-quan-tam.csv", "sua.xlsx"}) {
        const auto c = check_offline(*dir / name, key.public_hex);
        ASSERT_TRUE(c.signature) << name;
        EXPECT_TRUE(c.signature_valid) << name;
        EXPECT_FALSE(c.ok()) << name;
        ASSERT_EQ(c.problems.size(), 1u) << name;
        EXPECT_NE(c.problems[0].find("Nội dung tệp đã bị sửa sau khi ký"), std::string::npos) << c.problems[0];
        EXPECT_FALSE(against_db(*dir / name).ok()) << name;
    }
}

TEST_F(InterestEvidence, FeedbackApprovedLaterIsANoteNotAMismatch) {
    {
        auto db = lp::db::open_store(*dir / "j.db");
        db.exec("UPDATE feedback SET status = 'approved' WHERE status = 'pending'");
    }
    for (const auto& f : files) {
        const auto c = against_db(f);
        EXPECT_TRUE(c.ok()) << f << ": " << (c.problems.empty() ? "" : c.problems[0])
                            << (c.differences.empty() ? "" : c.differences[0].text);
        EXPECT_TRUE(c.file_matches_signature) << f;
        if (f.filename() == "nhat-ky-2026Q1.csv") {
            EXPECT_TRUE(c.interest_notes.empty());  // the journal's CSV has no interest rows
        } else {
            EXPECT_FALSE(c.interest_notes.empty()) << f;
        }
    }
    {
        auto db = lp::db::open_store(*dir / "j.db");
        db.exec("UPDATE feedback SET status = 'pending' WHERE comment = 'Chờ duyệt'");
    }
}

}  // namespace
