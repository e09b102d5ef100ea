// The [alarm] table: defaults, values, and errors naming file:line: key.
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
