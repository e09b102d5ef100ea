// The [live] table: defaults, values, and errors naming file:line: key.
#include <gtest/gtest.h>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using namespace std::chrono_literals;
using test::error_of;

TEST(LiveConfig, Defaults) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_EQ(c.live.capture_device, "default");
    EXPECT_EQ(c.live.max_length, 1h);
    EXPECT_EQ(c.live.open_timeout, 5s);
    EXPECT_EQ(c.live.stall_timeout, 3s);
    EXPECT_EQ(c.live.retry_interval, 2s);
}

TEST(LiveConfig, Values) {
    const Config c = parse(
        "[live]\ncapture_device = \"hw:1,0\"\nmax_length = \"2h\"\nopen_timeout = \"10s\"\n"
        "stall_timeout = \"5s\"\nretry_interval = \"1s\"\n",
        "t.toml", "/srv/lp");
    EXPECT_EQ(c.live.capture_device, "hw:1,0");
    EXPECT_EQ(c.live.max_length, 2h);
    EXPECT_EQ(c.live.open_timeout, 10s);
    EXPECT_EQ(c.live.stall_timeout, 5s);
    EXPECT_EQ(c.live.retry_interval, 1s);
}

TEST(LiveConfig, BadValuesNameTheKeyAndTheRange) {
    EXPECT_EQ(error_of("[live]\ncapture_device = \" \"\n"),
              "t.toml:2: live.capture_device: the capture device is empty (e.g. \"default\", \"hw:1,0\")");
    EXPECT_EQ(error_of("[live]\nopen_timeout = \"soon\"\n"),
              "t.toml:2: live.open_timeout: \"soon\" is not a duration (e.g. \"5s\", \"2m\")");
    EXPECT_EQ(error_of("[live]\nopen_timeout = \"0s\"\n"), "t.toml:2: live.open_timeout: \"0s\" is outside 1s .. 2m");
    EXPECT_EQ(error_of("[live]\n\nstall_timeout = \"2m\"\n"),
              "t.toml:3: live.stall_timeout: \"2m\" is outside 1s .. 1m");
    EXPECT_EQ(error_of("[live]\nretry_interval = \"90s\"\n"),
              "t.toml:2: live.retry_interval: \"90s\" is outside 1s .. 1m");
    EXPECT_EQ(error_of("[live]\nmax_length = \"13h\"\n"), "t.toml:2: live.max_length: \"13h\" is outside 1m .. 12h");
    EXPECT_EQ(error_of("[live]\nretry = \"2s\"\n"), "t.toml:2: live.retry: unknown key");
}

}  // namespace
}  // namespace lp::config
