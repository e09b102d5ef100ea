// A generated quarter exported to each format and read back with independent tools: XLSX
// unzipped and its XML read, PDF through pdftotext, CSV parsed, JSON parsed. Diacritics intact,
// totals equal to those counted while generating, and every file checks against the database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>

#include "db/Store.hpp"
#include "export/Csv.hpp"
#include "export/ExportCheck.hpp"
#include "export/ReportFiles.hpp"
#include "journal/JournalStore.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::count;
using lp::test::run_command;
using lp::test::shell_quote;
using lp::test::slurp;
namespace ex = lp::exporting;

class ExportFormats : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new lp::test::TempDir;
        db = new lp::sqlite::Database(lp::db::open_store(*dir / "j.db"));
        totals = lp::test::write_sample_journal(*db, {2026, 1, 1}, 90);
        lp::journal::JournalStore journal(*db);
        const auto tz = lp::domain::zone("Asia/Ho_Chi_Minh");
        journal.add_manual({lp::domain::start_of_day(tz, {2026, 2, 10}) + 19h, 15min,
                            "Đọc trực tiếp: Quy định mới về cấp Căn cước", "c", "tin", "Đọc trực tiếp",
                            "Nguyễn Thị Lan", ""});
        journal.correct(1,
                        {std::nullopt, std::nullopt, std::string("phong_su"), "Trần Văn Minh", "Nhập nhầm hình thức"});
        // Skipped for a reason other than the slot's length.
        const auto skipped_at = lp::domain::start_of_day(tz, {2026, 2, 11}) + 5h + 30min;
        journal.record_not_aired(
            {skipped_at, 3, "/srv/media/2.mp3", std::string(skipped_title), {"b"}, "thong_bao", "Bản tin sáng"},
            lp::journal::Status::skipped, skipped_at, std::string(skipped_reason));
        report = new ex::Report(ex::load_report(*db, ex::quarter_period(2026, 1), {}, tz, {2026, 3, 2}));
        files = new std::vector<std::filesystem::path>(ex::write_report_files(
            *report, tz, *dir / "bao-cao", {ex::Format::xlsx, ex::Format::pdf, ex::Format::csv, ex::Format::json}));
    }
    static void TearDownTestSuite() {
        // LP_EXPORT_SAMPLES=DIR keeps a copy of the files to look at (rendered to PNG by hand).
        if (const char* keep = std::getenv("LP_EXPORT_SAMPLES"))
            for (const auto& f : *files)
                std::filesystem::copy_file(f, std::filesystem::path(keep) / f.filename(),
                                           std::filesystem::copy_options::overwrite_existing);
        delete files;
        delete report;
        delete db;
        delete dir;
    }
    // Made on 2 March, within the quarter: the early version, named by its day.
    static std::filesystem::path file(const char* ext) {
        return *dir / "bao-cao" / (std::string("nhat-ky-2026Q1-den-2026-03-02.") + ext);
    }
    static constexpr std::string_view skipped_title = "Thông báo lịch tiếp công dân tháng này";
    static constexpr std::string_view skipped_reason = "\"Thông báo lịch tiếp công dân tháng này\" chưa được duyệt";
    // Journal lines besides the generated ones: the manual entry and the skipped row (the
    // correction folds into the line it corrects).
    static constexpr int extra_lines = 2;
    // The manual entry counts as one more airing of 15 minutes.
    static int airings() { return totals.airings + 1; }
    static std::chrono::milliseconds airtime() { return totals.airtime + 15min; }

    static inline lp::test::TempDir* dir = nullptr;
    static inline lp::sqlite::Database* db = nullptr;
    static inline lp::test::SampleTotals totals;
    static inline ex::Report* report = nullptr;
    static inline std::vector<std::filesystem::path>* files = nullptr;
};

TEST_F(ExportFormats, FilesAreWrittenIntoTheReportsFolder) {
    ASSERT_EQ(files->size(), 5u);  // a quarter's report: the interest CSV beside the journal's
    EXPECT_EQ(files->at(3).filename().string().ends_with("-quan-tam.csv"), true) << files->at(3);
    for (const auto& f : *files) EXPECT_TRUE(std::filesystem::is_regular_file(f)) << f;
    EXPECT_EQ(report->stamp.rows, totals.rows + extra_lines + 1);
    EXPECT_EQ(report->airings, airings());
}

TEST_F(ExportFormats, JsonReadsBackWithTotals) {
    const auto j = nlohmann::json::parse(slurp(file("json")));
    EXPECT_EQ(j["title"], "NHẬT KÝ PHÁT THANH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH");
    EXPECT_EQ(j["period"]["words"], "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)");
    EXPECT_EQ(j["rows"].size(), static_cast<std::size_t>(totals.rows + extra_lines));
    EXPECT_EQ(j["totals"]["airings"], airings());
    EXPECT_DOUBLE_EQ(j["totals"]["airtime_s"].get<double>(), static_cast<double>(airtime().count()) / 1000.0);
    EXPECT_EQ(j["rows"][0]["form"], "phong_su");  // corrected
    EXPECT_NE(j["rows"][0]["note"].get<std::string>().find("Nhập nhầm hình thức"), std::string::npos);
    int by_m = 0;
    for (const auto& g : j["by_topic"])
        if (g["code"] == "m") by_m = g["airings"];
    EXPECT_EQ(by_m, totals.airings_by_topic.at("m"));
    int phong_van = 0;
    for (const auto& i : j["items"])
        if (i["title"] == "Phỏng vấn: cải cách thủ tục hành chính ở phường") phong_van = i["airings"];
    EXPECT_EQ(phong_van, totals.airings_by_title.at("Phỏng vấn: cải cách thủ tục hành chính ở phường"));
    EXPECT_EQ(j["chain"]["marker"], report->stamp.marker());
    EXPECT_EQ(j["punctuality"]["programmes"], totals.lateness.size());
    EXPECT_DOUBLE_EQ(
        j["punctuality"]["max_ms"].get<double>(),
        static_cast<double>(std::max_element(totals.lateness.begin(), totals.lateness.end())->count()) / 1000.0);
}

TEST_F(ExportFormats, CsvHasBomOneLinePerAiringAndTheFooter) {
    const auto csv = slurp(file("csv"));
    ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    // Header + one line per airing + empty line + 6 footer lines (made within the quarter: the
    // coverage line; the CCHC line; totals, punctuality, seal, marker). No field holds a line break.
    EXPECT_EQ(count(csv, "\r\n"), 1 + totals.rows + extra_lines + 1 + 6);
    EXPECT_NE(csv.find("Số liệu tính đến ngày 02/03/2026"), std::string::npos);
    // The jingle (am_nhac, topic other) is counted apart from the CCHC figures.
    const auto jingles = totals.airings_by_form.at("am_nhac");
    EXPECT_NE(csv.find("Nhạc hiệu và nội dung khác, tính riêng: " + std::to_string(jingles) + " lượt phát"),
              std::string::npos);
    EXPECT_EQ(report->cchc.airings + report->cchc.other_airings, airings());
    EXPECT_EQ(report->cchc.other_airings, jingles);
    EXPECT_EQ(count(csv, ",Đã phát,") + count(csv, ",Bị ngắt giữa chừng,"), airings());
    EXPECT_EQ(count(csv, "Không phát được"), totals.failed);
    EXPECT_NE(csv.find("Phóng sự: một cửa liên thông — người dân được gì?"), std::string::npos);
    EXPECT_NE(csv.find("Nhập tay: Nguyễn Thị Lan"), std::string::npos);
    EXPECT_NE(csv.find(report->stamp.marker()), std::string::npos);
    // The player's punctuality over the period, counted here independently of the report code.
    auto lateness = totals.lateness;
    std::sort(lateness.begin(), lateness.end());
    const auto at_rank = [&](std::size_t percent) { return lateness[(percent * lateness.size() + 99) / 100 - 1]; };
    const auto ms = [](std::chrono::microseconds d) {
        const auto tenths = (d.count() + 50) / 100;  // 0.1 ms, rounded
        return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " ms";
    };
    EXPECT_NE(csv.find("Độ đúng giờ (âm thanh đầu tiên so với giờ phát đã định, " + std::to_string(lateness.size()) +
                       " lần mở đầu chương trình): trung vị " + ms(at_rank(50)) + "; 99% không chậm quá " +
                       ms(at_rank(99)) + "; chậm nhất " + ms(lateness.back()) + "."),
              std::string::npos)
        << csv.substr(csv.size() - 600);
}

// The CSV is written line by line (no copy of the rows, no table of cells); its bytes are
// those of the table route it replaced: journal_table, the notes set, every row through CsvWriter.
TEST_F(ExportFormats, TheStreamedCsvIsByteForByteTheTableRoutes) {
    const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    std::vector<lp::journal::JournalRow> rows;
    for (const auto& l : report->lines) rows.push_back(l.row);
    auto t = ex::journal_table(rows, tz);
    for (std::size_t i = 0; i < t.rows.size(); ++i) t.rows[i].at(ex::journal_note_column) = report->lines[i].note;
    ex::CsvWriter csv;
    csv.row(t.headers);
    for (const auto& row : t.rows) csv.row(row);
    csv.row({});
    for (const auto& line : ex::footer_lines(*report)) csv.row({line});
    EXPECT_EQ(slurp(file("csv")), csv.text());
    // journal_csv alike (the table as is, its notes the rows' reasons).
    const auto plain_table = ex::journal_table(rows, tz);
    ex::CsvWriter plain;
    plain.row(plain_table.headers);
    for (const auto& row : plain_table.rows) plain.row(row);
    EXPECT_EQ(ex::journal_csv(rows, tz), plain.text());
}

TEST_F(ExportFormats, XlsxSheetsReadBackWithDiacriticsAndTotals) {
    const auto xlsx = shell_quote(file("xlsx").string());
    const auto listing = run_command("unzip -l " + xlsx);
    ASSERT_EQ(listing.exit_code, 0) << listing.output;
    for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
                             "xl/charts/chart1.xml", "docProps/custom.xml"})
        EXPECT_NE(listing.output.find(part), std::string::npos) << part;
    const auto strings = run_command("unzip -p " + xlsx + " xl/sharedStrings.xml").output;
    for (const char* text : {"UBND PHƯỜNG AN HẢI", "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG",
                             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "An Hải, ngày 02 tháng 03 năm 2026", "NHẬT KÝ PHÁT THANH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH",
                             "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)", "Lượt phát thứ", "Khung giờ",
                             "Phóng sự: một cửa liên thông — người dân được gì?", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
                             "(Ký, ghi rõ họ tên)", "Tổng cộng"})
        EXPECT_NE(strings.find(text), std::string::npos) << text;
    // Sheet 2: column E holds the airings per item; its last value is the total.
    const auto sheet2 = run_command("unzip -p " + xlsx + " xl/worksheets/sheet2.xml").output;
    std::regex cell(R"re(<c r="E(\d+)" s="\d+"><v>([0-9.]+)</v>)re");  // numbers, not shared strings
    double last = -1, sum = 0;
    int cells = 0;
    for (std::sregex_iterator it(sheet2.begin(), sheet2.end(), cell), end; it != end; ++it) {
        last = std::stod((*it)[2]);
        sum += last;
        ++cells;
    }
    EXPECT_EQ(cells, static_cast<int>(report->items.size()) + 1);
    EXPECT_EQ(last, airings());
    EXPECT_EQ(sum - last, airings());
    // Sheet 1 has one data row per journal line (row 10 on), numbers in column A (STT).
    const auto sheet1 = run_command("unzip -p " + xlsx + " xl/worksheets/sheet1.xml").output;
    EXPECT_NE(sheet1.find("<c r=\"A" + std::to_string(9 + totals.rows + extra_lines) + "\""), std::string::npos);
    EXPECT_NE(run_command("unzip -p " + xlsx + " docProps/custom.xml").output.find(report->stamp.marker()),
              std::string::npos);
}

TEST_F(ExportFormats, PdfTextReadsBackWithDiacritics) {
    const auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(file("pdf").string()) + " -").output;
    for (const char* t : {"UBND PHƯỜNG AN HẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "NHẬT KÝ PHÁT THANH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH",
                          "Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
                          "Căn cước", "Nhập tay", "Trang 2"})
        EXPECT_NE(text.find(t), std::string::npos) << t;
    EXPECT_NE(text.find("Tổng số dòng nhật ký: " + std::to_string(totals.rows + extra_lines + 1) +
                        " (số lượt phát: " + std::to_string(airings())),
              std::string::npos);
    const auto info = run_command("pdfinfo " + shell_quote(file("pdf").string())).output;
    EXPECT_NE(info.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
    const auto fonts = run_command("pdffonts " + shell_quote(file("pdf").string())).output;
    EXPECT_NE(fonts.find("LiberationSerif"), std::string::npos) << fonts;
}

// A skipped row reads "Bỏ qua" and gives its own reason in every format, never "không đủ thời
// lượng" when that is not why.
TEST_F(ExportFormats, ASkippedRowShowsItsOwnReasonInEveryFormat) {
    const auto j = nlohmann::json::parse(slurp(file("json")));
    int skipped = 0;
    for (const auto& row : j["rows"]) {
        if (row["status"] != "skipped") continue;
        ++skipped;
        EXPECT_EQ(row["status_label"], "Bỏ qua");
        EXPECT_EQ(row["note"], skipped_reason);
    }
    EXPECT_EQ(skipped, 1);
    const auto csv = slurp(file("csv"));
    EXPECT_NE(csv.find(",Bỏ qua,\"\"\"" + std::string(skipped_title) + "\"\" chưa được duyệt\""), std::string::npos);
    const auto xlsx = shell_quote(file("xlsx").string());
    const auto strings = run_command("unzip -p " + xlsx + " xl/sharedStrings.xml").output;
    EXPECT_NE(strings.find(">Bỏ qua<"), std::string::npos);
    EXPECT_NE(strings.find("chưa được duyệt"), std::string::npos);
    const auto pdf = run_command("pdftotext -enc UTF-8 " + shell_quote(file("pdf").string()) + " -").output;
    EXPECT_NE(pdf.find("Bỏ qua"), std::string::npos);
    EXPECT_NE(pdf.find("chưa được duyệt"), std::string::npos);
    for (const auto* text : {&csv, &strings, &pdf}) EXPECT_EQ(text->find("không đủ thời lượng"), std::string::npos);
}

// The official table (XLSX, PDF) gives the reason in Vietnamese only; CSV and JSON carry the
// technical detail in a column and a field of its own.
TEST_F(ExportFormats, TechnicalDetailStaysOutOfTheOfficialTable) {
    const std::string ffmpeg = "avformat_open_input() failed: No such file or directory";
    const auto xlsx = shell_quote(file("xlsx").string());
    const auto strings = run_command("unzip -p " + xlsx + " xl/sharedStrings.xml").output;
    const auto pdf = run_command("pdftotext -enc UTF-8 " + shell_quote(file("pdf").string()) + " -").output;
    for (const auto* official : {&strings, &pdf}) {
        EXPECT_NE(official->find("Không tìm thấy tệp"), std::string::npos);  // the PDF wraps the rest
        EXPECT_EQ(official->find("avformat"), std::string::npos);
        EXPECT_EQ(official->find("/srv/media/"), std::string::npos);
        EXPECT_EQ(official->find("Chi tiết kỹ thuật"), std::string::npos);
    }
    const auto csv = slurp(file("csv"));
    EXPECT_NE(csv.find(",Ghi chú,Chi tiết kỹ thuật\r\n"), std::string::npos);
    EXPECT_EQ(count(csv, ",Không phát được,Không tìm thấy tệp âm thanh,/srv/media/x.mp3: " + ffmpeg + "\r\n"),
              totals.failed);
    const auto j = nlohmann::json::parse(slurp(file("json")));
    int failed = 0;
    for (const auto& row : j["rows"]) {
        if (row["status"] != "failed") continue;
        ++failed;
        EXPECT_EQ(row["note"], "Không tìm thấy tệp âm thanh");
        EXPECT_EQ(row["detail"], "/srv/media/x.mp3: " + ffmpeg);
    }
    EXPECT_EQ(failed, totals.failed);
}

// An item with two topics (k and m) counts under both, and every format says so.
TEST_F(ExportFormats, AnItemWithSeveralTopicsCountsUnderEach) {
    const auto j = nlohmann::json::parse(slurp(file("json")));
    auto expected = totals.airings_by_topic;
    ++expected["c"];  // the manual entry
    int sum = 0;
    for (const auto& g : j["by_topic"]) {
        const std::string code = g["code"];
        EXPECT_EQ(g["airings"], expected[code]) << code;
        sum += g["airings"].get<int>();
    }
    EXPECT_GT(sum, airings());  // the k,m item counts twice
    EXPECT_GT(totals.airings_by_topic.at("k"), 0);
    const std::string note = j["by_topic_note"];
    EXPECT_NE(note.find("được tính ở từng nội dung"), std::string::npos);
    const auto strings = run_command("unzip -p " + shell_quote(file("xlsx").string()) + " xl/sharedStrings.xml").output;
    EXPECT_NE(strings.find(note), std::string::npos);
    const auto pdf = run_command("pdftotext -enc UTF-8 " + shell_quote(file("pdf").string()) + " -").output;
    EXPECT_NE(pdf.find("được tính ở từng nội dung"), std::string::npos);
    bool both = false;
    for (const auto& row : j["rows"])
        if (row["topics"] == nlohmann::json::array({"k", "m"})) both = true;
    EXPECT_TRUE(both);
}

TEST_F(ExportFormats, EveryFormatChecksAgainstTheDatabase) {
    const auto tz = lp::domain::zone("Asia/Ho_Chi_Minh");
    for (const auto& f : *files) {
        const auto check = ex::check_export(*db, f, tz);
        ASSERT_TRUE(check.stamp) << f;
        EXPECT_TRUE(check.ok()) << f << ": " << (check.problems.empty() ? "" : check.problems[0]);
    }
}

}  // namespace
