// One test per kind of bad configuration, each asserting the exact "FILE:LINE: KEY: message".
#include <gtest/gtest.h>

#include <string>

#include "TempDir.hpp"
#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using test::error_of;

// Starts with `prefix`; the wording after it may be improved without breaking the test.
#define EXPECT_ERROR_PREFIX(text, prefix)                                                   \
    do {                                                                                    \
        const std::string message_ = error_of(text);                                        \
        EXPECT_EQ(message_.substr(0, std::string_view(prefix).size()), prefix) << message_; \
    } while (0)

constexpr std::string_view output_loa = "[[output]]\nname = \"loa\"\nkind = \"null\"\n";  // lines 1-3

TEST(ConfigErrors, SyntaxError) {
    EXPECT_ERROR_PREFIX("[daemon]\nlog_level = \"info\"\ndatabase = \n", "t.toml:3: TOML syntax error: ");
    EXPECT_ERROR_PREFIX("[daemon]\n[daemon]\n", "t.toml:2: TOML syntax error: ");
}

TEST(ConfigErrors, SyntaxErrorInFile) {
    test::TempDir dir;
    const auto file = dir.write("bad.toml", "\n\n[[slot]\n");
    try {
        load_file(file);
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(file.string() + ":3: TOML syntax error: ", 0), 0u) << e.what();
    }
}

TEST(ConfigErrors, UnknownKeyAtTopLevel) {
    EXPECT_EQ(error_of("\n[deamon]\nlog_level = \"info\"\n"), "t.toml:2: deamon: unknown key");
    EXPECT_EQ(error_of("verbose = true\n"), "t.toml:1: verbose: unknown key");
}

TEST(ConfigErrors, GraceIsADurationOfAtMostADay) {
    EXPECT_EQ(error_of("[daemon]\ngrace = \"soon\"\n"),
              "t.toml:2: daemon.grace: \"soon\" is not a duration (e.g. \"90s\", \"15m\", \"1h30m\")");
    EXPECT_EQ(error_of("[daemon]\ngrace = \"25h\"\n"), "t.toml:2: daemon.grace: \"25h\" is longer than 24h");
}

TEST(ConfigErrors, UnknownKeyInDaemon) {
    EXPECT_EQ(error_of("[daemon]\nlog_level = \"info\"\ndatabse = \"x.db\"\n"),
              "t.toml:3: daemon.databse: unknown key");
}

TEST(ConfigErrors, UnknownKeyFirstInDocumentOrder) {
    EXPECT_EQ(error_of("[daemon]\nzz = 1\naa = 2\n"), "t.toml:2: daemon.zz: unknown key");
}

TEST(ConfigErrors, UnknownKeyNonBareIsQuoted) {
    EXPECT_EQ(error_of("[organisation]\n\"tên\" = \"x\"\n"), "t.toml:2: organisation.\"tên\": unknown key");
}

TEST(ConfigErrors, UnknownKeyInOutput) {
    EXPECT_EQ(error_of(std::string(output_loa) + "[[output]]\nname = \"b\"\nkind = \"null\"\nrate = 1\n"),
              "t.toml:7: output[1].rate: unknown key");
}

TEST(ConfigErrors, UnknownKeyReportedBeforeMissingKey) {
    EXPECT_EQ(error_of("[[output]]\nnmae = \"loa\"\nkind = \"null\"\n"), "t.toml:2: output[0].nmae: unknown key");
}

TEST(ConfigErrors, UnknownKeyInSlotAndItem) {
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\nlength = \"5m\"\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:4: slot[0].length: unknown key");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\nchude = \"a\"\n"),
              "t.toml:6: slot[0].item[0].chude: unknown key");
}

TEST(ConfigErrors, WrongType) {
    EXPECT_EQ(error_of("[[output]]\nname = \"loa\"\nkind = \"alsa\"\nsample_rate = \"48000\"\n"),
              "t.toml:4: output[0].sample_rate: expected an integer, got a string");
    EXPECT_EQ(error_of("[[output]]\nname = \"loa\"\nkind = \"alsa\"\nchannels = 2.0\n"),
              "t.toml:4: output[0].channels: expected an integer, got a float");
    EXPECT_EQ(error_of("[daemon]\ndatabase = 5\n"), "t.toml:2: daemon.database: expected a string, got an integer");
    EXPECT_EQ(error_of("daemon = \"x\"\n"), "t.toml:1: daemon: expected a table ([daemon]), got a string");
    EXPECT_EQ(error_of("[output]\nname = \"loa\"\n"),
              "t.toml:1: output: expected an array of tables ([[output]]), got a table");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\ndays = \"mon\"\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:4: slot[0].days: expected an array of strings, got a string");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\ndays = [\"mon\", 2]\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:4: slot[0].days[1]: expected a string, got an integer");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = 530\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:3: slot[0].start: expected a string");
}

TEST(ConfigErrors, UnknownOutputKind) {
    EXPECT_EQ(error_of("[[output]]\nname = \"loa\"\nkind = \"pulse\"\n"),
              "t.toml:3: output[0].kind: unknown output kind \"pulse\" (alsa, file, null, icecast, rtp, udp, archive)");
}

TEST(ConfigErrors, DeviceOnlyForAlsaPathOnlyForFile) {
    EXPECT_ERROR_PREFIX("[[output]]\nname = \"a\"\nkind = \"null\"\ndevice = \"hw:0\"\n",
                        "t.toml:4: output[0].device: ");
    EXPECT_ERROR_PREFIX("[[output]]\nname = \"a\"\nkind = \"alsa\"\npath = \"x.wav\"\n", "t.toml:4: output[0].path: ");
}

TEST(ConfigErrors, FileOutputWithoutPath) {
    EXPECT_ERROR_PREFIX(std::string(output_loa) + "\n[[output]]\nname = \"ghi\"\nkind = \"file\"\n",
                        "t.toml:5: output[1].path: missing required key");
}

TEST(ConfigErrors, SampleRateAndChannelsOutOfRange) {
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nsample_rate = 7999\n"),
              "t.toml:4: output[0].sample_rate: 7999 is out of range (8000..192000)");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nsample_rate = 192001\n"),
              "t.toml:4: output[0].sample_rate: 192001 is out of range (8000..192000)");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nchannels = 0\n"),
              "t.toml:4: output[0].channels: 0 is out of range (1..8)");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nchannels = 9\n"),
              "t.toml:4: output[0].channels: 9 is out of range (1..8)");
}

TEST(ConfigErrors, DuplicateOutputName) {
    EXPECT_EQ(error_of(std::string(output_loa) + "[[output]]\nkind = \"null\"\nname = \"loa\"\n"),
              "t.toml:6: output[1].name: duplicate output name \"loa\"");
}

TEST(ConfigErrors, MissingRequiredKeys) {
    EXPECT_EQ(error_of("\n[[output]]\nkind = \"null\"\n"), "t.toml:2: output[0].name: missing required key");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\n"), "t.toml:1: output[0].kind: missing required key");
    EXPECT_EQ(error_of("[[slot]]\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:1: slot[0].name: missing required key");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:1: slot[0].start: missing required key");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\n[[slot.item]]\ntitle = \"a\"\n"),
              "t.toml:4: slot[0].item[0].file: missing required key");
}

TEST(ConfigErrors, EmptyRequiredString) {
    EXPECT_EQ(error_of("[[output]]\nname = \"\"\nkind = \"null\"\n"), "t.toml:2: output[0].name: must not be empty");
}

TEST(ConfigErrors, UnknownDay) {
    EXPECT_EQ(
        error_of(
            "[[slot]]\nname = \"s\"\nstart = \"05:00\"\ndays = [\"t2\", \"thứ ba\"]\n[[slot.item]]\nfile = \"a\"\n"),
        "t.toml:4: slot[0].days[1]: unknown day \"thứ ba\" (mon..sun or t2..t7, cn)");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\ndays = []\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:4: slot[0].days: ");
}

TEST(ConfigErrors, BadTimeOfDay) {
    EXPECT_EQ(error_of("[[slot]]\nname = \"Sáng\"\nstart = \"25:00\"\n[[slot.item]]\nfile = \"a\"\n"),
              "t.toml:3: slot[0].start: \"25:00\" is not a time of day (HH:MM or HH:MM:SS)");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"5h30\"\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:3: slot[0].start: \"5h30\" is not a time of day");
}

TEST(ConfigErrors, BadRelativeStart) {
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"+90\"\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:3: slot[0].start: \"+90\" is not a relative start");
}

TEST(ConfigErrors, BadDuration) {
    EXPECT_ERROR_PREFIX(
        "[[slot]]\nname = \"s\"\nstart = \"05:00\"\nmax_length = \"1.5h\"\n[[slot.item]]\nfile = \"a\"\n",
        "t.toml:4: slot[0].max_length: \"1.5h\" is not a duration");
    EXPECT_ERROR_PREFIX(
        "[[slot]]\nname = \"s\"\nstart = \"05:00\"\nmax_length = \"25h\"\n[[slot.item]]\nfile = \"a\"\n",
        "t.toml:4: slot[0].max_length: \"25h\" is longer than 24h");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\nmax_length = 600\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:4: slot[0].max_length: expected a string");
}

TEST(ConfigErrors, ZeroDuration) {
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\nmax_length = \"0m\"\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:4: slot[0].max_length: \"0m\" is zero");
}

TEST(ConfigErrors, UnknownTimeZone) {
    EXPECT_EQ(error_of("[daemon]\ntime_zone = \"Asia/Sai_Gon\"\n"),
              "t.toml:2: daemon.time_zone: unknown time zone \"Asia/Sai_Gon\" (not in the system tz database)");
}

TEST(ConfigErrors, UnknownLogLevel) {
    EXPECT_EQ(error_of("[daemon]\nlog_level = \"verbose\"\n"),
              "t.toml:2: daemon.log_level: unknown log level \"verbose\" (trace, debug, info, warn, error)");
}

TEST(ConfigErrors, UnknownTopicAndForm) {
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\ntopic = \"đ\"\n",
                        "t.toml:6: slot[0].item[0].topic: unknown topic \"đ\" (a, b, c, d, dd, ");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\ntopic = \"\"\n",
                        "t.toml:6: slot[0].item[0].topic: unknown topic \"\"");
    EXPECT_ERROR_PREFIX("[[slot]]\nname = \"s\"\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\nform = \"news\"\n",
                        "t.toml:6: slot[0].item[0].form: unknown form \"news\" (tin, bai, ");
}

TEST(ConfigErrors, DuplicateSlotName) {
    EXPECT_EQ(error_of("[[slot]]\nname = \"Sáng\"\nstart = \"05:00\"\n[[slot.item]]\nfile = \"a\"\n"
                       "[[slot]]\nname = \"Sáng\"\nstart = \"06:00\"\n[[slot.item]]\nfile = \"b\"\n"),
              "t.toml:7: slot[1].name: duplicate slot name \"Sáng\"");
}

TEST(ConfigErrors, SlotNamesUndefinedOutput) {
    EXPECT_EQ(
        error_of(
            std::string(output_loa) +
            "[[slot]]\nname = \"s\"\nstart = \"05:00\"\noutputs = [\"loa\", \"loa2\"]\n[[slot.item]]\nfile = \"a\"\n"),
        "t.toml:7: slot[0].outputs[1]: no output named \"loa2\" is defined");
    EXPECT_ERROR_PREFIX(std::string(output_loa) +
                            "[[slot]]\nname = \"s\"\nstart = \"05:00\"\noutputs = []\n[[slot.item]]\nfile = \"a\"\n",
                        "t.toml:7: slot[0].outputs: ");
}

TEST(ConfigErrors, SlotWithoutItems) {
    EXPECT_EQ(error_of("\n[[slot]]\nname = \"s\"\nstart = \"05:00\"\n"),
              "t.toml:2: slot[0].item: a slot needs at least one [[slot.item]]");
    EXPECT_EQ(error_of("[[slot]]\nname = \"s\"\nstart = \"05:00\"\nitem = []\n"),
              "t.toml:1: slot[0].item: a slot needs at least one [[slot.item]]");
}

TEST(ConfigErrors, EmptyPath) {
    EXPECT_EQ(error_of("[daemon]\nmedia_dir = \"\"\n"), "t.toml:2: daemon.media_dir: must not be empty");
}

}  // namespace
}  // namespace lp::config
