// Report files: listed from [reports] dir, downloaded only by a name in that listing; paths,
// "..", absolute names and files outside the folder refused.

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "export/Period.hpp"
#include "export/ZipText.hpp"
#include "tests/api/TestServices.hpp"
#include "tests/support/FileText.hpp"

namespace {

using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;
using lp::test::slurp;

TEST(ReportApi, ListsAndDownloadsOnlyTheFolderFiles) {
    lp::test::TestServices s;
    const auto dir = s.config()->reports.dir;
    std::filesystem::create_directories(dir / "sub");
    { std::ofstream(dir / "nhat-ky-2026Q3.csv") << "a,b\n"; }
    { std::ofstream(s.dir() / "secret.csv") << "x\n"; }
    std::filesystem::create_symlink(s.dir() / "secret.csv", dir / "link.csv");
    auto r = run(s, "GET", "/api/reports", call("GET", ""));
    ASSERT_EQ(r.body["files"].size(), 1u);
    EXPECT_EQ(r.body["files"][0]["name"], "nhat-ky-2026Q3.csv");
    EXPECT_EQ(r.body["files"][0]["size"], 4);
    r = run(s, "GET", "/api/reports/{name}", call("GET", "", nullptr, {{"name", "nhat-ky-2026Q3.csv"}}));
    ASSERT_TRUE(r.file);
    EXPECT_EQ(*r.file, dir / "nhat-ky-2026Q3.csv");
    EXPECT_EQ(r.download_name, "nhat-ky-2026Q3.csv");
    EXPECT_FALSE(r.remove_file_after);

    const auto refused = [&](const std::string& name, int status) {
        expect_refused(s, "GET", "/api/reports/{name}", call("GET", "", nullptr, {{"name", name}}), status, "name");
    };
    refused("../secret.csv", 422);
    refused((s.dir() / "secret.csv").string(), 422);
    refused("sub", 404);
    refused("link.csv", 404);
    refused("nhat-ky-2026Q4.csv", 404);
    refused("", 422);
}

}  // namespace

namespace {

TEST(ReportApi, MakesAPeriodsFilesAsTheScheduledReportsDo) {
    lp::test::TestServices s;
    const auto dir = s.config()->reports.dir;
    const auto refused = [&](nlohmann::json body, int status) {
        expect_refused(s, "POST", "/api/reports", call("POST", "", std::move(body)), status, "period");
        EXPECT_FALSE(std::filesystem::exists(dir));
    };
    refused(nlohmann::json::object(), 400);
    refused({{"period", 2026}}, 400);
    refused({{"period", "2026Q5"}}, 422);
    refused({{"period", "../2026Q1"}}, 422);

    run(s, "POST", "/api/journal/manual",
        call("POST", "", {{"date", "10/02/2026"}, {"start", "19:00"}, {"duration", "10m"}, {"title", "Đọc tin"}}));
    auto r = run(s, "POST", "/api/reports", call("POST", "", {{"period", "2026Q1"}}, {}, lp::auth::Role::operator_));
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.body["period"], "2026Q1");
    EXPECT_EQ(r.body["rows"], 1);
    // A quarter's report: the interest section's CSV beside the journal's.
    const nlohmann::json names{"nhat-ky-2026Q1.xlsx", "nhat-ky-2026Q1.pdf", "nhat-ky-2026Q1.csv",
                               "nhat-ky-2026Q1-quan-tam.csv", "nhat-ky-2026Q1.json"};
    EXPECT_EQ(r.body["files"], names);
    std::set<std::string> in_folder;
    for (const auto& e : std::filesystem::directory_iterator(dir)) in_folder.insert(e.path().filename().string());
    EXPECT_EQ(in_folder, std::set<std::string>(names.begin(), names.end()));  // no temporary left behind
    EXPECT_NE(slurp(dir / "nhat-ky-2026Q1.csv").find("Đọc tin"), std::string::npos);

    r = run(s, "GET", "/api/reports", call("GET", ""));
    EXPECT_EQ(r.body["files"].size(), 5u);
    ASSERT_TRUE(r.body["next_due"].is_object()) << r.body.dump();
    EXPECT_TRUE(lp::domain::parse_date(r.body["next_due"]["due"].get<std::string>()));
    EXPECT_EQ(r.body["next_due"]["period"], r.body["next_due"]["periods"][0]);
}

// The number and narrative saved for a period before its report is made, read back for the
// form, and in the files made afterwards.
TEST(ReportApi, TheNarrativeIsSavedPerPeriodBeforeTheReportIsMade) {
    lp::test::TestServices s;
    auto r = run(s, "GET", "/api/report-filing", call("GET", "", nullptr, {{"period", "2026Q1"}}));
    EXPECT_EQ(r.body["period"], "2026Q1");
    EXPECT_EQ(r.body["achieved"], "");  // nothing saved yet
    r = run(s, "PUT", "/api/report-filing",
            call("PUT", "",
                 {{"period", "2026Q1"},
                  {"number", "12"},
                  {"achieved", "Phát đủ 120 lượt tin, bài."},
                  {"shortcomings", "Loa cụm 3 hỏng 2 ngày."}},
                 {}, lp::auth::Role::operator_));
    EXPECT_EQ(r.body["number"], "12");
    EXPECT_EQ(r.body["shortcomings"], "Loa cụm 3 hỏng 2 ngày.");
    // A field left out keeps its text; an empty one clears it.
    run(s, "PUT", "/api/report-filing",
        call("PUT", "", {{"period", "2026Q1"}, {"proposals", "Bổ sung loa."}, {"number", ""}}, {},
             lp::auth::Role::operator_));
    r = run(s, "GET", "/api/report-filing", call("GET", "", nullptr, {{"period", "2026Q1"}}));
    EXPECT_EQ(r.body["achieved"], "Phát đủ 120 lượt tin, bài.");
    EXPECT_EQ(r.body["proposals"], "Bổ sung loa.");
    EXPECT_EQ(r.body["number"], "");
    EXPECT_EQ(run(s, "GET", "/api/report-filing", call("GET", "", nullptr, {{"period", "2026Q2"}})).body["achieved"],
              "");  // per period
    r = run(s, "POST", "/api/reports", call("POST", "", {{"period", "2026Q1"}}, {}, lp::auth::Role::operator_));
    EXPECT_NE(
        lp::exporting::searchable_text(s.config()->reports.dir / "nhat-ky-2026Q1.xlsx").find("Loa cụm 3 hỏng 2 ngày."),
        std::string::npos);

    expect_refused(s, "GET", "/api/report-filing", call("GET", ""), 400, "period");
    expect_refused(s, "GET", "/api/report-filing", call("GET", "", nullptr, {{"period", "2026Q7"}}), 422, "period");
    expect_refused(s, "PUT", "/api/report-filing", call("PUT", "", {{"achieved", "x"}}), 400, "period");
    expect_refused(s, "PUT", "/api/report-filing",
                   call("PUT", "", {{"period", "2026Q1"}, {"number", std::string(21, '1')}}), 422, "number");
    expect_refused(s, "PUT", "/api/report-filing",
                   call("PUT", "", {{"period", "2026Q1"}, {"achieved", std::string(20001, 'x')}}), 422, "narrative");
    EXPECT_EQ(run(s, "GET", "/api/report-filing", call("GET", "", nullptr, {{"period", "2026Q1"}})).body["achieved"],
              "Phát đủ 120 lượt tin, bài.");  // nothing changed by the refusals
}

TEST(ReportApi, AHiddenFileBeingWrittenIsNeitherListedNorServed) {
    lp::test::TestServices s;
    const auto dir = s.config()->reports.dir;
    std::filesystem::create_directories(dir);
    { std::ofstream(dir / ".nhat-ky-2026Q1.xlsx.tmp-1-1") << "half"; }
    EXPECT_TRUE(run(s, "GET", "/api/reports", call("GET", "")).body["files"].empty());
    expect_refused(s, "GET", "/api/reports/{name}",
                   call("GET", "", nullptr, {{"name", ".nhat-ky-2026Q1.xlsx.tmp-1-1"}}), 404, "name");
}

TEST(NextReportsDue, TheFirstDayOnOrAfterTodayWithThePeriodsDueThen) {
    namespace ex = lp::exporting;
    auto due = ex::next_reports_due({2026, 12, 1}, 1);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->day, (lp::domain::LocalDate{2026, 12, 1}));
    ASSERT_EQ(due->periods.size(), 3u);
    EXPECT_EQ(due->periods[0].code(), "2026Q4");
    EXPECT_EQ(due->periods[1].code(), "2026H2");
    EXPECT_EQ(due->periods[2].code(), "2026");
    due = ex::next_reports_due({2026, 12, 2}, 1);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->day, (lp::domain::LocalDate{2027, 3, 1}));
    ASSERT_EQ(due->periods.size(), 1u);
    EXPECT_EQ(due->periods[0].code(), "2027Q1");
    due = ex::next_reports_due({2026, 5, 20}, 3);
    ASSERT_TRUE(due);
    EXPECT_EQ(due->day, (lp::domain::LocalDate{2026, 6, 3}));
    EXPECT_EQ(due->periods.size(), 2u);
    EXPECT_FALSE(ex::next_reports_due({2026, 5, 20}, 40));
}

}  // namespace
