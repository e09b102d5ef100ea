// The playout keys: network and archive outputs, and [audio].
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
    EXPECT_EQ(cfg.outputs[0].kind, OutputKind::icecast);
    EXPECT_EQ(cfg.outputs[0].mount, "/cchc");
    EXPECT_EQ(cfg.outputs[0].codec, OutputCodec::opus);
    EXPECT_EQ(cfg.outputs[0].bitrate_kbps, 64);
    EXPECT_EQ(cfg.outputs[1].kind, OutputKind::rtp);
    EXPECT_EQ(cfg.outputs[1].codec, OutputCodec::pcm);
    EXPECT_EQ(cfg.outputs[1].ttl, 4);
    EXPECT_EQ(cfg.outputs[1].sdp, "/srv/lp/loa.sdp");
    EXPECT_EQ(cfg.outputs[2].codec, OutputCodec::opus);
    EXPECT_EQ(cfg.outputs[3].kind, OutputKind::archive);
    EXPECT_EQ(cfg.outputs[3].codec, OutputCodec::mp3);
    EXPECT_EQ(cfg.outputs[3].path, "/srv/lp/archive");
}

TEST(OutputKinds, ErrorsNameFileLineAndKey) {
    EXPECT_EQ(error_of("[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"http://h:1\"\nmount = \"m\"\n"),
              R"(t.toml:1: output[0].password: missing required key (kind "icecast" needs it))");
    EXPECT_EQ(error_of("[[output]]\nname = \"i\"\nkind = \"icecast\"\nurl = \"ftp://h\"\npassword = \"p\"\nmount = \"m\"\n"),
              R"(t.toml:4: output[0].url: "ftp://h" is not an http:// URL (e.g. "http://127.0.0.1:8000"))");
    EXPECT_EQ(error_of("[[output]]\nname = \"r\"\nkind = \"rtp\"\nhost = \"h\"\nport = 5004\ncodec = \"mp3\"\n"),
              R"(t.toml:6: output[0].codec: codec "mp3" is not available for kind "rtp" (pcm, opus))");
    EXPECT_EQ(error_of("[[output]]\nname = \"r\"\nkind = \"udp\"\nhost = \"h\"\nport = 70000\n"),
              "t.toml:5: output[0].port: 70000 is out of range (1..65535)");
    EXPECT_EQ(error_of("[[output]]\nname = \"n\"\nkind = \"null\"\nmount = \"m\"\n"),
              R"(t.toml:4: output[0].mount: only used by kind "icecast")");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"archive\"\n"),
              R"(t.toml:1: output[0].path: missing required key (kind "archive" needs a path))");
    EXPECT_EQ(error_of("[audio]\nloudness_target = \"-16\"\n"),
              R"(t.toml:2: audio.loudness_target: "-16" is not a loudness: give a number of LUFS (e.g. -16) or "off")");
    EXPECT_EQ(error_of("[audio]\nloudnes_target = -16\n").substr(0, 9), "t.toml:2:");
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

}  // namespace
}  // namespace lp::config
