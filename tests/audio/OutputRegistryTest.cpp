// The output registry is the one place of a kind: a kind defined and registered here, in the
// test binary alone, is read from a config (its own keys validated and named by file, line
// and key), prepared, and played into by the real player, with no other code knowing it.

#include <gtest/gtest.h>

#include <stdexcept>

#include "audio/Errors.hpp"
#include "audio/FfmpegPlayer.hpp"
#include "audio/output/Registry.hpp"
#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

namespace {

namespace fs = std::filesystem;
using namespace lp::audio;
using lp::audio::test::RecordingEvents;

// kind = "folder": a WAV file named `stem` (default "out") in the folder `dir`, made when
// the outputs are prepared. `stem` lives in OutputSpec::options: no field was added for it.
class Folder final : public output::Kind {
public:
    std::string_view name() const override { return "folder"; }
    std::vector<std::string_view> keys() const override { return {"dir", "stem"}; }
    void read(const output::Settings& settings, OutputSpec& spec) const override {
        spec.target = settings.required("dir", settings.path("dir")).string();
        spec.options["stem"] = settings.text("stem").value_or("out");
    }
    void prepare(const OutputSpec& spec) const override { fs::create_directories(spec.target); }
    output::Target target(const OutputSpec& spec, std::chrono::system_clock::time_point) const override {
        output::Target t;
        t.url = (fs::path{spec.target} / (spec.options.at("stem") + ".wav")).string();
        t.format = output::muxer("wav");
        return t;
    }
};

void register_folder_kind() {
    static const bool once = [] {
        output::Registry::global().add(std::make_unique<Folder>());
        return true;
    }();
    (void)once;
}

std::string error_of(std::string_view text) {
    try {
        lp::config::parse(text, "t.toml", "/srv/lp");
    } catch (const lp::config::ConfigError& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(OutputRegistry, AKindRegisteredByTheTestRunsFromConfigThroughThePlayer) {
    register_folder_kind();
    lp::test::TempDir dir;
    const auto cfg = lp::config::parse(R"([[output]]
name = "thu"
kind = "folder"
dir = "ghi"
stem = "ban-tin"
sample_rate = 44100
channels = 1
)",
                                       "t.toml", dir.path());
    ASSERT_EQ(cfg.outputs.size(), 1u);
    const auto& spec = cfg.outputs[0];
    EXPECT_EQ(spec.kind, "folder");
    EXPECT_EQ(spec.target, (dir / "ghi").string());
    EXPECT_EQ(spec.options.at("stem"), "ban-tin");
    EXPECT_EQ(spec.format, (PcmFormat{44100, 1}));

    output::prepare(cfg.outputs);
    EXPECT_TRUE(fs::is_directory(dir / "ghi"));

    const auto clip = dir / "a.wav";
    lp::test::AudioOptions tone;
    tone.frequency = 660;
    lp::test::make_audio(clip, 0.5, tone);
    RecordingEvents events;
    {
        PlayerOptions options;
        options.paced = false;
        FfmpegPlayer player{cfg.outputs, events, options};
        player.play({"p1", {{clip}}, {}, Clock::now()});
        ASSERT_TRUE(events.wait_done("p1"));
    }
    const auto recorded = lp::test::decode_with_ffmpeg(dir / "ghi" / "ban-tin.wav", 44100, 1);
    EXPECT_NEAR(static_cast<double>(recorded.size()), 0.5 * 44100, 2);
    const std::span<const short> all{recorded};
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(4410, 13230), 44100, 1), 660, 5);
    EXPECT_GT(lp::test::rms(all.subspan(4410, 13230)), 1000);
}

TEST(OutputRegistry, TheNewKindsKeysAreCheckedAndNamedLikeAnyOther) {
    register_folder_kind();
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"folder\"\n"),
              R"(t.toml:1: output[0].dir: missing required key (kind "folder" needs it))");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"folder\"\ndir = \"\"\n"),
              "t.toml:4: output[0].dir: must not be empty");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"null\"\nstem = \"x\"\n"),
              R"(t.toml:4: output[0].stem: only used by kind "folder")");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"folder\"\ndir = \"d\"\ncodec = \"mp3\"\n"),
              R"(t.toml:5: output[0].codec: only used by kinds "icecast", "rtp", "udp" and "archive")");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"pulse\"\n"),
              R"(t.toml:3: output[0].kind: unknown output kind "pulse" (alsa, file, null, icecast, rtp, udp, archive, )"
              R"(folder))");
    EXPECT_EQ(error_of("[[output]]\nname = \"a\"\nkind = \"folder\"\ndir = \"d\"\nport = 5\n"),
              R"(t.toml:5: output[0].port: only used by kinds "rtp" and "udp")");
}

TEST(OutputRegistry, AKindNameIsRegisteredOnce) {
    register_folder_kind();
    EXPECT_THROW(output::Registry::global().add(std::make_unique<Folder>()), std::logic_error);
    OutputSpec unknown;
    unknown.name = "x";
    unknown.kind = "pulse";
    try {
        (void)make_output(unknown);
        FAIL() << "made an output of an unknown kind";
    } catch (const OutputError& e) {
        EXPECT_STREQ(e.what(), "output 'x': unknown kind 'pulse'");
    }
}

}  // namespace
