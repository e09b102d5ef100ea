// The [public] table (the listen-again side): off unless present, values, and the errors
// naming file:line: key.
#include <gtest/gtest.h>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using test::error_of;

TEST(PublicConfig, OffUnlessConfigured) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_FALSE(c.publik.enabled);
}

TEST(PublicConfig, Values) {
    const Config c = parse(
        "[public]\nlisten = \"0.0.0.0:8481\"\nweeks = 4\nbase_url = \"https://nghelai.anhai.vn/\"\n"
        "feedback_per_hour = 50\n",
        "t.toml", "/srv/lp");
    EXPECT_TRUE(c.publik.enabled);
    EXPECT_EQ(c.publik.host, "0.0.0.0");
    EXPECT_EQ(c.publik.port, 8481);
    EXPECT_EQ(c.publik.weeks, 4);
    EXPECT_EQ(c.publik.base_url, "https://nghelai.anhai.vn");
    EXPECT_EQ(c.publik.feedback_per_hour, 50);
    const Config d = parse("[public]\nbase_url = \"http://192.168.1.10:8481\"\n", "t.toml", "/srv/lp");
    EXPECT_EQ(d.publik.port, 8481);
    EXPECT_EQ(d.publik.weeks, 8);
    EXPECT_FALSE(parse("[public]\nenabled = false\nbase_url = \"http://x\"\n", "t.toml", "/").publik.enabled);
}

TEST(PublicConfig, Errors) {
    EXPECT_EQ(error_of("[public]\nlisten = \"0.0.0.0:8481\"\n"),
              "t.toml:1: public.base_url: is required: the address residents' phones open, used in the feed and QR "
              "codes (e.g. \"https://nghelai.anhai.vn\")");
    EXPECT_EQ(error_of("[public]\nbase_url = \"nghelai.anhai.vn\"\n"),
              "t.toml:2: public.base_url: \"nghelai.anhai.vn\" is not an http:// or https:// address without "
              "spaces, quotes, '?' or '#' (e.g. \"https://nghelai.anhai.vn\")");
    EXPECT_EQ(error_of("[public]\nbase_url = \"http://a\\\"><script>\"\n"),
              "t.toml:2: public.base_url: \"http://a\\\"><script>\" is not an http:// or https:// address without "
              "spaces, quotes, '?' or '#' (e.g. \"https://nghelai.anhai.vn\")");
    EXPECT_EQ(error_of("[public]\nbase_url = \"http://x\"\nlisten = \"8481\"\n"),
              "t.toml:3: public.listen: \"8481\" is not HOST:PORT (e.g. \"0.0.0.0:8481\")");
    EXPECT_EQ(error_of("[public]\nbase_url = \"http://x\"\nweeks = 0\n"),
              "t.toml:3: public.weeks: 0 is out of range (1..104)");
    EXPECT_EQ(error_of("[public]\nbase_url = \"http://x\"\nlisten = \"0.0.0.0:8480\"\n"),
              "t.toml:3: public.listen: port 8480 is the operator's [http] port: the public side needs its own "
              "listener (e.g. \"0.0.0.0:8481\")");
    EXPECT_EQ(error_of("[public]\nbase_url = \"http://x\"\nport = 1\n"), "t.toml:3: public.port: unknown key");
}

}  // namespace
}  // namespace lp::config
