// The playout keys: network and archive outputs, and [audio].
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using test::error_of;

TEST(OutputKinds, ReadsIcecastRtpUdpArchiveAndAudio) {
    const auto cfg = parse(R"([audio]
loudness_target = -16
fade_ms = 20
gap_ms = 500

[[output]]
name = "ice"
kind = "icecast"
url = "http://127.0.0.1:8000"
password = "pw"
mount = "cchc"
codec = "opus"
bitrate = 64
admin_user = "admin"
admin_password = "qt"

[[output]]
name = "cum-loa"
kind = "rtp"
host = "239.255.0.1"
port = 5004
ttl = 4
sdp = "loa.sdp"

[[output]]
name = "udp"
kind = "udp"
host = "127.0.0.1"
port = 6000
codec = "opus"

[[output]]
name = "luu"
kind = "archive"
path = "archive"
)",
                           "t.toml", "/srv/lp");
    EXPECT_EQ(cfg.audio.loudness_target, -16.0);
    EXPECT_EQ(cfg.audio.fade_ms, 20);
    EXPECT_EQ(cfg.audio.gap_ms, 500);
    ASSERT_EQ(cfg.outputs.size(), 4u);
    EXPECT_EQ(cfg.outputs[0].kind, "icecast");
    EXPECT_EQ(cfg.outputs[0].target, "icecast://source:pw@127.0.0.1:8000/cchc");
    EXPECT_EQ(cfg.outputs[0].codec, audio::Codec::opus);
    EXPECT_EQ(cfg.outputs[0].bitrate, 64000);
    EXPECT_EQ(cfg.outputs[0].options, (std::map<std::string, std::string>{{"server", "127.0.0.1:8000"},
                                                                          {"mount", "/cchc"},
                                                                          {"admin_user", "admin"},
                                                                          {"admin_password", "qt"},
                                                                          {"listeners_every", "10"}}));
    EXPECT_EQ(cfg.outputs[1].kind, "rtp");
    EXPECT_EQ(cfg.outputs[1].codec, audio::Codec::pcm);
    EXPECT_EQ(cfg.outputs[1].target, "rtp://239.255.0.1:5004?ttl=4");
    EXPECT_EQ(cfg.outputs[1].sdp_path, "/srv/lp/loa.sdp");
    EXPECT_EQ(cfg.outputs[2].target, "udp://127.0.0.1:6000");
    EXPECT_EQ(cfg.outputs[2].codec, audio::Codec::opus);
    EXPECT_EQ(cfg.outputs[3].kind, "archive");
    EXPECT_EQ(cfg.outputs[3].codec, audio::Codec::mp3);
    EXPECT_EQ(cfg.outputs[3].target, "/srv/lp/archive");
}

TEST(OutputKinds, ErrorsNameFileLineAndKey) {
    EXPECT_EQ(error_of("[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"http://h:1\"\nmount = \"m\"\n"),
              R"(t.toml:1: output[0].password: missing required key (kind "icecast" needs it))");
    EXPECT_EQ(
        error_of("[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"ftp://h\"\npassword = \"p\"\nmount = \"m\"\n"),
        R"(t.toml:4: output[0].url: "ftp://h" is not an http:// URL (e.g. "http://127.0.0.1:8000"))");
    const std::string ice =
        "[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"http://h:1\"\npassword = \"p\"\nmount = \"m\"\n";
    EXPECT_EQ(
        error_of(ice + "admin_user = \"admin\"\n"),
        "t.toml:1: output[0].admin_password: missing required key (admin_user and admin_password go together, for "
        "the listener counts)");
    EXPECT_EQ(
        error_of(ice + "admin_password = \"p\"\n"),
        "t.toml:1: output[0].admin_user: missing required key (admin_user and admin_password go together, for the "
        "listener counts)");
    EXPECT_EQ(error_of(ice + "listeners_every = 0\n"),
              "t.toml:7: output[0].listeners_every: 0 is out of range (1..3600)");
    EXPECT_EQ(error_of("[[output]]\nname = \"r\"\nkind = \"rtp\"\nhost = \"h\"\nport = 5004\ncodec = \"mp3\"\n"),
              R"(t.toml:6: output[0].codec: codec "mp3" is not available for kind "rtp" (pcm, opus))");
    EXPECT_EQ(error_of("[[output]]\nname = \"r\"\nkind = \"udp\"\nhost = \"h\"\nport = 70000\n"),
              "t.toml:5: output[0].port: 70000 is out of range (1..65535)");
    EXPECT_EQ(error_of("[[output]]\nname = \"n\"\nkind = \"null\"\nmount = \"m\"\n"),
              R"(t.toml:4: output[0].mount: only used by kind "icecast")");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"archive\"\n"),
              R"(t.toml:1: output[0].path: missing required key (kind "archive" needs it))");
    EXPECT_EQ(error_of("[audio]\nloudness_target = \"-16\"\n"),
              R"(t.toml:2: audio.loudness_target: "-16" is not a loudness: give a number of LUFS (e.g. -16) or "off")");
    EXPECT_EQ(error_of("[audio]\nloudnes_target = -16\n").substr(0, 9), "t.toml:2:");
}

// Ports and hosts inside URLs are values like any other: checked, and named by file:line:key.
TEST(OutputKinds, HostsAndPortsInsideUrlsAreChecked) {
    const auto icecast = [](std::string_view url) {
        return error_of("[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"" + std::string(url) +
                        "\"\npassword = \"p\"\nmount = \"m\"\n");
    };
    EXPECT_EQ(icecast("http://127.0.0.1:70000"),
              R"(t.toml:4: output[0].url: in "http://127.0.0.1:70000": port "70000" is not a number 1..65535)");
    EXPECT_EQ(icecast("http://127.0.0.1:0"),
              R"(t.toml:4: output[0].url: in "http://127.0.0.1:0": port "0" is not a number 1..65535)");
    EXPECT_EQ(icecast("http://127.0.0.1:80a"),
              R"(t.toml:4: output[0].url: in "http://127.0.0.1:80a": port "80a" is not a number 1..65535)");
    EXPECT_EQ(icecast("http://999.1.1.1:8000"),
              R"(t.toml:4: output[0].url: in "http://999.1.1.1:8000": "999.1.1.1" is not a valid IPv4 address )"
              R"((four numbers 0..255, e.g. "192.168.1.20"))");
    EXPECT_EQ(icecast("http://:8000"), R"(t.toml:4: output[0].url: in "http://:8000": the host is empty)");
    EXPECT_EQ(icecast("http://loa_phuong.local:8000"),
              R"(t.toml:4: output[0].url: in "http://loa_phuong.local:8000": "loa_phuong.local" is not a host name )"
              R"((letters, digits, '-' and '.' only))");
    EXPECT_EQ(icecast("http://127.0.0.1:8000/cchc"),
              R"(t.toml:4: output[0].url: "http://127.0.0.1:8000/cchc" has a path; give the server only and the )"
              R"(path as mount (e.g. "http://127.0.0.1:8000"))");

    const auto rtp = [](std::string_view host) {
        return error_of("[[output]]\nname = \"r\"\nkind = \"rtp\"\nhost = \"" + std::string(host) +
                        "\"\nport = 5004\n");
    };
    EXPECT_EQ(rtp("999.1.1.1"), R"(t.toml:4: output[0].host: "999.1.1.1" is not a valid IPv4 address )"
                                R"((four numbers 0..255, e.g. "192.168.1.20"))");
    EXPECT_EQ(rtp("239.255.0"), R"(t.toml:4: output[0].host: "239.255.0" is not a valid IPv4 address )"
                                R"((four numbers 0..255, e.g. "192.168.1.20"))");
    EXPECT_EQ(rtp("loa..phuong"),
              R"(t.toml:4: output[0].host: "loa..phuong" has an empty label (two dots, or a dot at an end))");
    EXPECT_EQ(rtp("ff02::1"),
              R"(t.toml:4: output[0].host: "ff02::1" is an IPv6 address: write it in brackets, "[ff02::1]")");
    EXPECT_EQ(
        rtp("239.255.0.1:5004"),
        R"(t.toml:4: output[0].host: "239.255.0.1:5004" is not a host name (no ':' allowed; the port has its own key))");
    const auto udp_error = error_of("[[output]]\nname = \"u\"\nkind = \"udp\"\nhost = \"1.2.3.256\"\nport = 6000\n");
    EXPECT_EQ(udp_error.substr(0, 51), R"(t.toml:4: output[0].host: "1.2.3.256" is not a vali)");

    // Good ones pass, and the URL is kept as host:port (the default Icecast port when none is given).
    const auto good = parse(R"([[output]]
name = "ice"
kind = "icecast"
url = "http://radio.an-hai.vn/"
password = "pw"
mount = "/cchc"

[[output]]
name = "v6"
kind = "udp"
host = "[ff02::1]"
port = 6000

[[output]]
name = "ten"
kind = "rtp"
host = "loa-cum-1.local"
port = 5004
)",
                            "t.toml", "/srv/lp");
    ASSERT_EQ(good.outputs.size(), 3u);
    EXPECT_EQ(good.outputs[0].target, "icecast://source:pw@radio.an-hai.vn:8000/cchc");
    EXPECT_EQ(good.outputs[1].target, "udp://[ff02::1]:6000");
    EXPECT_EQ(good.outputs[2].target, "rtp://loa-cum-1.local:5004");
}

// Loudness matching is on unless the file turns it off.
TEST(OutputKinds, LoudnessTargetDefaultsToMinus16AndCanBeTurnedOff) {
    EXPECT_EQ(parse("", "t.toml", "/srv/lp").audio.loudness_target, -16.0);
    EXPECT_EQ(parse("[audio]\nfade_ms = 10\n", "t.toml", "/srv/lp").audio.loudness_target, -16.0);
    EXPECT_EQ(parse("[audio]\nloudness_target = -23\n", "t.toml", "/srv/lp").audio.loudness_target, -23.0);
    EXPECT_FALSE(parse("[audio]\nloudness_target = \"off\"\n", "t.toml", "/srv/lp").audio.loudness_target.has_value());
    EXPECT_EQ(embedded_default().audio.loudness_target, -16.0);
    EXPECT_EQ(error_of("[audio]\nloudness_target = \"tat\"\n"),
              R"(t.toml:2: audio.loudness_target: "tat" is not a loudness: give a number of LUFS (e.g. -16) or "off")");
    EXPECT_EQ(error_of("[audio]\nloudness_target = 3\n"),
              "t.toml:2: audio.loudness_target: 3.000000 is out of range (-40..0)");
}

// The archive's retention keys: keep_days and min_free_mb, their defaults, ranges and kind.
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
    EXPECT_EQ(cfg.outputs[0].min_free_bytes, 500u * 1024 * 1024);
    EXPECT_EQ(cfg.outputs[1].keep_days, 30);
    EXPECT_EQ(cfg.outputs[1].min_free_bytes, 0u);
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
