// `journal export` without dates exports today in the configured zone, whatever the machine's
// own zone says (issue 10, point 13): the CLI runs with TZ=UTC and a config zone whose date
// differs from UTC's at this very instant.

#include <gtest/gtest.h>

#include <fstream>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

// UTC+14 is a day ahead of UTC from 10:00 UTC on; UTC-12 a day behind until 12:00 UTC: one
// of them is on another date than UTC at any instant.
std::string zone_off_utc_date_now() {
    const auto now = std::chrono::system_clock::now();
    const auto hour = std::chrono::floor<std::chrono::hours>(now - std::chrono::floor<std::chrono::days>(now)).count();
    return hour >= 11 ? "Pacific/Kiritimati" : "Etc/GMT+12";
}

TEST(ExportToday, WithoutDatesExportsTodayInTheConfiguredZoneNotTheMachinesDate) {
    lp::test::TempDir dir;
    const std::string zone = zone_off_utc_date_now();
    const auto* tz = lp::domain::zone(zone);
    const auto config = dir / "lp.toml";
    std::ofstream(config) << "[daemon]\ndatabase = \"lp.db\"\ntime_zone = \"" << zone << "\"\n";

    const auto now = std::chrono::system_clock::now();
    const auto utc_today = lp::domain::local_date(lp::domain::zone("UTC"), now);
    const auto today = lp::domain::local_date(tz, now);
    ASSERT_NE(today, utc_today) << zone;
    // Rows on the days around today, and how many of them fall on the zone's today.
    long expected = 0;
    {
        auto db = lp::db::open_store(dir / "lp.db");
        lp::test::write_sample_journal(db, lp::domain::local_date(tz, now - std::chrono::hours(48)), 5);
        auto st = db.prepare("SELECT scheduled_at FROM journal");
        while (st.step())
            if (lp::domain::local_date(tz, lp::domain::from_utc_text(st.text(0))) == today) ++expected;
    }
    ASSERT_GT(expected, 0);

    const auto out = dir / "hom-nay.csv";
    const auto r = lp::test::run_command("TZ=UTC " + std::string(LP_CLI) + " -c " + shell_quote(config.string()) +
                                         " journal export -o " + shell_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto day = lp::domain::display_date_text(today);
    EXPECT_NE(r.output.find("Đã xuất " + std::to_string(expected) + " dòng nhật ký"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(day), std::string::npos) << day << '\n' << r.output;
    EXPECT_EQ(r.output.find(lp::domain::display_date_text(utc_today)), std::string::npos) << r.output;
}

TEST(ExportToday, OnlyOneOfFromAndToIsNamedAndRejected) {
    lp::test::TempDir dir;
    const auto cli = "cd " + shell_quote(dir.path().string()) + " && " + LP_CLI + " --demo journal export ";
    auto r = lp::test::run_command(cli + "--from 01/03/2026");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Thiếu --to: dùng cả --from và --to, hoặc bỏ cả hai để xuất ngày hôm nay."),
              std::string::npos)
        << r.output;
    r = lp::test::run_command(cli + "--to 01/03/2026");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("Thiếu --from:"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "var")) << "nothing written";
}

}  // namespace
