// The journal read whole over the API, on a real database: a period's export in each format
// whose content is the period's rows (read back with unzip, pdftotext, a CSV and a JSON
// reading, and checked against the database's seals), bad periods and formats refused with
// nothing left behind; the seal chains verified, and a tampered row named.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <set>

#include "db/Store.hpp"
#include "export/ExportCheck.hpp"
#include "journal/JournalStore.hpp"
#include "tests/api/TestServices.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/FileText.hpp"

namespace {

using namespace std::chrono_literals;
using lp::test::call;
using lp::test::count;
using lp::test::expect_refused;
using lp::test::run;
using lp::test::run_command;
using lp::test::shell_quote;
using lp::test::slurp;
using nlohmann::json;

// A journal with Q1 rows made through the API (manual entries, a correction) and by the
// player's path (JournalStore), plus one row in April; the export's temporary files in a
// folder of the test's own.
class JournalExportApi : public ::testing::Test {
protected:
    void TearDown() override {
        if (previous_tmpdir)
            ::setenv("TMPDIR", previous_tmpdir->c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }

    void SetUp() override {
        if (const char* t = std::getenv("TMPDIR")) previous_tmpdir = t;
        std::filesystem::create_directories(tmp);
        ::setenv("TMPDIR", tmp.c_str(), 1);
        add("05/01/2026", "Đọc tin: lịch tiếp công dân", "b");
        const auto wrong = add("12/02/2026", "Tọa đàm cải cách hành chính (bản nháp)", "a");
        add("20/03/2026", "Tiếp sóng chuyên mục Đài thành phố", "m");
        add("02/04/2026", "Tin tháng Tư, ngoài kỳ", "a");
        run(s, "POST", "/api/journal/{id}/correct",
            call("POST", "", {{"reason", "Sai tên"}, {"title", "Tọa đàm cải cách hành chính"}},
                 {{"id", std::to_string(wrong)}}));
        lp::journal::JournalStore store(s.database());
        const auto* tz = lp::domain::zone("Asia/Ho_Chi_Minh");
        const auto at = lp::domain::start_of_day(tz, {2026, 3, 2}) + 5h + 30min;
        const auto id = store.begin(
            {at, std::nullopt, "/srv/media/7.mp3", "Bản tin sáng thứ Hai", {"e"}, "tin", "Sáng"}, at, {"loa-chinh"});
        store.finish(id, at + 10min, 10min, lp::journal::Status::completed, "");
    }

    std::int64_t add(const std::string& date, const std::string& title, const std::string& topic) {
        const auto r = run(s, "POST", "/api/journal/manual",
                           call("POST", "",
                                {{"date", date},
                                 {"start", "19:00"},
                                 {"duration", "10m"},
                                 {"title", title},
                                 {"topic", topic},
                                 {"form", "tin"}}));
        return r.body["id"].get<std::int64_t>();
    }

    lp::api::Reply exported(std::map<std::string, std::string> params) {
        auto r = run(s, "GET", "/api/journal/export", call("GET", "", nullptr, std::move(params)));
        EXPECT_EQ(r.status, 200);
        EXPECT_TRUE(r.file);
        EXPECT_TRUE(r.remove_file_after);
        if (r.file) {
            EXPECT_EQ(r.file->parent_path(), tmp);
        }
        return r;
    }

    std::size_t temporaries() const {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(tmp), {}));
    }

    lp::test::TestServices s;
    std::filesystem::path tmp = s.dir() / "tmp";
    std::optional<std::string> previous_tmpdir;
    const std::vector<std::string> q1_titles{"Đọc tin: lịch tiếp công dân", "Tọa đàm cải cách hành chính",
                                             "Bản tin sáng thứ Hai", "Tiếp sóng chuyên mục Đài thành phố"};
};

TEST_F(JournalExportApi, EachFormatHoldsThePeriodsRowsAndChecksAgainstTheDatabase) {
    const std::map<std::string, std::string> types{
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"pdf", "application/pdf"},
        {"csv", "text/csv; charset=utf-8"},
        {"json", "application/json"}};
    for (const auto& [format, type] : types) {
        const auto r = exported({{"period", "2026Q1"}, {"format", format}});
        ASSERT_TRUE(r.file) << format;
        EXPECT_EQ(r.download_name, "nhat-ky-2026Q1." + format);
        EXPECT_EQ(r.content_type, type);
        const auto check = lp::exporting::check_export(s.database(), *r.file, lp::domain::zone("Asia/Ho_Chi_Minh"));
        EXPECT_TRUE(check.ok()) << format << ": " << (check.problems.empty() ? "" : check.problems.front());
        ASSERT_TRUE(check.stamp) << format;
        EXPECT_EQ(check.stamp->period_code, "2026Q1");
        EXPECT_EQ(check.stamp->rows, 5) << format;  // 3 manual, 1 correction, 1 aired by the player

        std::string text;
        if (format == "xlsx") {
            const auto listing = run_command("unzip -l " + shell_quote(r.file->string()));
            ASSERT_EQ(listing.exit_code, 0) << listing.output;
            text = run_command("unzip -p " + shell_quote(r.file->string()) + " xl/sharedStrings.xml").output;
        } else if (format == "pdf") {
            const auto pdf = run_command("pdftotext -enc UTF-8 -raw " + shell_quote(r.file->string()) + " -");
            ASSERT_EQ(pdf.exit_code, 0) << pdf.output;
            // A long title may wrap in its cell: read the words, not the lines.
            for (const char c : pdf.output)
                if (c != '\n' || (!text.empty() && text.back() != ' ')) text.push_back(c == '\n' ? ' ' : c);
        } else {
            text = slurp(*r.file);
        }
        for (const auto& title : q1_titles) EXPECT_NE(text.find(title), std::string::npos) << format << ": " << title;
        EXPECT_EQ(text.find("Tin tháng Tư"), std::string::npos) << format;
        // The correction is folded into its airing: the line has the corrected title, and the
        // earlier one only in its note ("Ghi chú"), with the reason.
        EXPECT_EQ(count(text, "Tọa đàm cải cách hành chính (bản nháp)"), 1) << format;
        EXPECT_NE(text.find("Sai tên"), std::string::npos) << format;
        if (format == "csv") {
            EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "BOM";
        }
        if (format == "json") {
            const auto j = json::parse(text);
            std::multiset<std::string> titles;
            for (const auto& row : j["rows"]) titles.insert(row["title"].get<std::string>());
            EXPECT_EQ(titles, std::multiset<std::string>(q1_titles.begin(), q1_titles.end()));
            EXPECT_EQ(j["period"]["code"], "2026Q1");
            EXPECT_EQ(j["totals"]["airings"], 4);
        }
        std::filesystem::remove(*r.file);  // what the server does once sent
    }
}

TEST_F(JournalExportApi, ARangeOfDaysIsNamedByItsCode) {
    const auto r = exported({{"from", "01/01/2026"}, {"to", "31/01/2026"}, {"format", "json"}});
    ASSERT_TRUE(r.file);
    EXPECT_EQ(r.download_name, "nhat-ky-2026-01-01..2026-01-31.json");
    const auto j = json::parse(slurp(*r.file));
    ASSERT_EQ(j["rows"].size(), 1u);
    EXPECT_EQ(j["rows"][0]["title"], "Đọc tin: lịch tiếp công dân");
    std::filesystem::remove(*r.file);
}

TEST_F(JournalExportApi, BadPeriodsAndFormatsAreNamedAndLeaveNoFile) {
    const auto refused = [&](std::map<std::string, std::string> params, int status, const std::string& field) {
        expect_refused(s, "GET", "/api/journal/export", call("GET", "", nullptr, std::move(params)), status, field);
        EXPECT_EQ(temporaries(), 0u) << field;
    };
    refused({{"period", "2026Q1"}}, 400, "format");
    refused({{"period", "2026Q1"}, {"format", "docx"}}, 422, "format");
    refused({{"period", "2026Q5"}, {"format", "xlsx"}}, 422, "period");
    refused({{"period", "../../etc/passwd"}, {"format", "csv"}}, 422, "period");
    refused({{"from", "31/02/2026"}, {"format", "csv"}}, 422, "from");
    refused({{"from", "02/03/2026"}, {"to", "01/03/2026"}, {"format", "csv"}}, 422, "to");
}

TEST_F(JournalExportApi, VerifyChecksBothChainsAndNamesATamperedRow) {
    auto r = run(s, "GET", "/api/journal/verify", call("GET", ""));
    EXPECT_EQ(r.body["ok"], true) << r.body.dump();
    EXPECT_EQ(r.body["rows"], 6);  // every row the setup wrote, April's too
    EXPECT_TRUE(r.body["problems"].empty());
    EXPECT_EQ(r.body["head"]["seq"], 6);
    EXPECT_EQ(r.body["head"]["seal"].get<std::string>().size(), 64u);
    EXPECT_EQ(r.body["audit"]["ok"], true);

    // A tamperer who knows SQL removes the guard first.
    s.database().exec(
        "DROP TRIGGER journal_sealed_rows_are_final; UPDATE journal SET title = 'Tin đã bị sửa' WHERE id = 2");
    r = run(s, "GET", "/api/journal/verify", call("GET", ""));
    EXPECT_EQ(r.body["ok"], false);
    ASSERT_EQ(r.body["problems"].size(), 1u);
    EXPECT_NE(r.body["problems"][0].get<std::string>().find("dòng nhật ký số 2"), std::string::npos) << r.body.dump();
    EXPECT_EQ(r.body["rows"], 1);  // the links before it still hold
}

}  // namespace
