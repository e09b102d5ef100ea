// The [reports], [backup] and [alarm] tables: defaults, values, and errors naming file:line: key.
#include <gtest/gtest.h>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using namespace std::chrono_literals;

using test::error_of;

TEST(ReportsBackupConfig, Defaults) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_EQ(c.reports.dir, "/srv/lp/var/reports");
    EXPECT_EQ(c.reports.day, 1u);
    EXPECT_EQ(c.reports.formats, (std::vector<std::string>{"xlsx", "pdf", "csv", "json"}));
    EXPECT_EQ(c.reports.signing_key, "/srv/lp/var/signing.key");
    EXPECT_EQ(c.reports.checkpoint_file, "/srv/lp/var/checkpoints.log");
    EXPECT_EQ(c.backup.dir, "/srv/lp/var/backups");
    EXPECT_EQ(c.backup.time_of_day, 2h + 30min);
    EXPECT_EQ(c.backup.keep, 14);
}

TEST(ReportsBackupConfig, Values) {
    const Config c = parse(
        "[reports]\ndir = \"bao-cao\"\nday = 5\nformats = [\"pdf\", \"xlsx\"]\n"
        "signing_key = \"khoa/ky.key\"\ncheckpoint_file = \"/mnt/o-dia-thu-hai/moc.log\"\n"
        "[backup]\ndir = \"/mnt/usb\"\ntime = \"23:15\"\nkeep = 30\n",
        "t.toml", "/srv/lp");
    EXPECT_EQ(c.reports.dir, "/srv/lp/bao-cao");
    EXPECT_EQ(c.reports.day, 5u);
    EXPECT_EQ(c.reports.formats, (std::vector<std::string>{"pdf", "xlsx"}));
    EXPECT_EQ(c.reports.signing_key, "/srv/lp/khoa/ky.key");
    EXPECT_EQ(c.reports.checkpoint_file, "/mnt/o-dia-thu-hai/moc.log");
    EXPECT_EQ(c.backup.dir, "/mnt/usb");
    EXPECT_EQ(c.backup.time_of_day, 23h + 15min);
    EXPECT_EQ(c.backup.keep, 30);
}

TEST(ReportsBackupConfig, Errors) {
    EXPECT_EQ(error_of("[reports]\nday = 8\n"), "t.toml:2: reports.day: 8 is out of range (1..7)");
    EXPECT_EQ(error_of("[reports]\nformats = [\"docx\"]\n"),
              "t.toml:2: reports.formats[0]: unknown report format \"docx\" (xlsx, pdf, csv, json)");
    EXPECT_EQ(error_of("[reports]\ndir = \"\"\n"), "t.toml:2: reports.dir: must not be empty");
    EXPECT_EQ(error_of("[reports]\nsigning_key = \"\"\n"), "t.toml:2: reports.signing_key: must not be empty");
    EXPECT_EQ(error_of("[reports]\ncheckpoint_file = \"\"\n"), "t.toml:2: reports.checkpoint_file: must not be empty");
    EXPECT_EQ(error_of("[backup]\ntime = \"25:00\"\n"),
              "t.toml:2: backup.time: \"25:00\" is not a time of day (HH:MM or HH:MM:SS)");
    EXPECT_EQ(error_of("[backup]\nkeep = -1\n"), "t.toml:2: backup.keep: -1 is out of range (0..3650)");
    EXPECT_EQ(error_of("[backup]\nkep = 3\n"), "t.toml:2: backup.kep: unknown key");
}

TEST(AlarmConfig, Defaults) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_EQ(c.alarm.dead_air, 30s);
    EXPECT_EQ(c.alarm.silence_dbfs, -60.0);
}

TEST(AlarmConfig, Values) {
    const Config c = parse("[alarm]\ndead_air = \"2m\"\nsilence_dbfs = -55.5\n", "t.toml", "/srv/lp");
    EXPECT_EQ(c.alarm.dead_air, 2min);
    EXPECT_EQ(c.alarm.silence_dbfs, -55.5);
    EXPECT_EQ(parse("[alarm]\nsilence_dbfs = -70\n", "t.toml", "/srv/lp").alarm.silence_dbfs, -70.0);
}

TEST(AlarmConfig, BadValuesNameTheKey) {
    EXPECT_NE(error_of("[alarm]\ndead_air = \"soon\"\n").find("t.toml:2: alarm.dead_air"), std::string::npos)
        << error_of("[alarm]\ndead_air = \"soon\"\n");
    EXPECT_NE(error_of("[alarm]\ndead_air = \"0s\"\n").find("outside 1s .. 24h"), std::string::npos);
    EXPECT_NE(error_of("[alarm]\ndead_air = \"25h\"\n").find("outside 1s .. 24h"), std::string::npos);
    EXPECT_NE(error_of("[alarm]\nsilence_dbfs = \"quiet\"\n").find("alarm.silence_dbfs"), std::string::npos);
    EXPECT_EQ(error_of("[alarm]\nsilence_dbfs = -10\n"),
              "t.toml:2: alarm.silence_dbfs: -10 dBFS is outside -120 .. -20");
    EXPECT_NE(error_of("[alarm]\ndeadair = \"30s\"\n").find("deadair"), std::string::npos);
}

}  // namespace
}  // namespace lp::config
