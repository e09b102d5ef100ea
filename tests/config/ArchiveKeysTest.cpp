// The archive's retention keys: keep_days and min_free_mb, their defaults, ranges and kind.
#include <gtest/gtest.h>

#include <string>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"

namespace lp::config {
namespace {

std::string error_of(std::string_view text) {
    try {
        parse(text, "t.toml", "/srv/lp");
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(ArchiveKeys, DefaultsAndValues) {
    const auto cfg = parse(R"([[output]]
name = "a"
kind = "archive"
path = "a"

[[output]]
name = "b"
kind = "archive"
path = "b"
keep_days = 30
min_free_mb = 0
)",
                           "t.toml", "/srv/lp");
    EXPECT_EQ(cfg.outputs[0].keep_days, 400);
    EXPECT_EQ(cfg.outputs[0].min_free_mb, 500);
    EXPECT_EQ(cfg.outputs[1].keep_days, 30);
    EXPECT_EQ(cfg.outputs[1].min_free_mb, 0);
}

TEST(ArchiveKeys, BadValuesAndOtherKindsAreNamed) {
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"archive\"\npath = \"a\"\nkeep_days = 0\n"),
              "t.toml:5: output[0].keep_days: 0 is out of range (1..36500)");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"archive\"\npath = \"a\"\nmin_free_mb = -1\n"),
              "t.toml:5: output[0].min_free_mb: -1 is out of range (0..10000000)");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"file\"\npath = \"a.wav\"\nkeep_days = 3\n"),
              R"(t.toml:5: output[0].keep_days: only used by kind "archive")");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nmin_free_mb = 3\n"),
              R"(t.toml:4: output[0].min_free_mb: only used by kind "archive")");
}

}  // namespace
}  // namespace lp::config
