// The [reports] and [backup] tables: defaults, values, and errors naming file:line: key.
#include <gtest/gtest.h>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"

namespace lp::config {
namespace {

using namespace std::chrono_literals;

std::string error_of(std::string_view text) {
    try {
        parse(text, "t.toml", "/srv/lp");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(ReportsBackupConfig, Defaults) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_EQ(c.reports.dir, "/srv/lp/var/reports");
    EXPECT_EQ(c.reports.day, 1u);
    EXPECT_EQ(c.reports.formats, (std::vector<std::string>{"xlsx", "pdf", "csv", "json"}));
    EXPECT_EQ(c.backup.dir, "/srv/lp/var/backups");
    EXPECT_EQ(c.backup.time_of_day, 2h + 30min);
    EXPECT_EQ(c.backup.keep, 14);
}

TEST(ReportsBackupConfig, Values) {
    const Config c = parse(
        "[reports]\ndir = \"bao-cao\"\nday = 5\nformats = [\"pdf\", \"xlsx\"]\n"
        "[backup]\ndir = \"/mnt/usb\"\ntime = \"23:15\"\nkeep = 30\n",
        "t.toml", "/srv/lp");
    EXPECT_EQ(c.reports.dir, "/srv/lp/bao-cao");
    EXPECT_EQ(c.reports.day, 5u);
    EXPECT_EQ(c.reports.formats, (std::vector<std::string>{"pdf", "xlsx"}));
    EXPECT_EQ(c.backup.dir, "/mnt/usb");
    EXPECT_EQ(c.backup.time_of_day, 23h + 15min);
    EXPECT_EQ(c.backup.keep, 30);
}

TEST(ReportsBackupConfig, Errors) {
    EXPECT_EQ(error_of("[reports]\nday = 8\n"), "t.toml:2: reports.day: 8 is out of range (1..7)");
    EXPECT_EQ(error_of("[reports]\nformats = [\"docx\"]\n"),
              "t.toml:2: reports.formats[0]: unknown report format \"docx\" (xlsx, pdf, csv, json)");
    EXPECT_EQ(error_of("[reports]\ndir = \"\"\n"), "t.toml:2: reports.dir: must not be empty");
    EXPECT_EQ(error_of("[backup]\ntime = \"25:00\"\n"),
              "t.toml:2: backup.time: \"25:00\" is not a time of day (HH:MM or HH:MM:SS)");
    EXPECT_EQ(error_of("[backup]\nkeep = -1\n"), "t.toml:2: backup.keep: -1 is out of range (0..3650)");
    EXPECT_EQ(error_of("[backup]\nkep = 3\n"), "t.toml:2: backup.kep: unknown key");
}

}  // namespace
}  // namespace lp::config
