#include <gtest/gtest.h>

#include <string>

#include "audio/Errors.hpp"
#include "audio/Output.hpp"
#include "tests/audio/Tone.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using lp::test::TempDir;

namespace {

// Writes `frames` of a 1 kHz tone in chunks of 1024 frames, then closes (twice).
void play_tone(Output& output, std::size_t frames) {
    const auto samples = test::tone(output.spec().format, frames, 1000.0);
    const auto channels = static_cast<std::size_t>(output.spec().format.channels);
    for (std::size_t at = 0; at < samples.size(); at += 1024 * channels) {
        const std::size_t count = std::min<std::size_t>(1024 * channels, samples.size() - at);
        output.write(std::span<const Sample>{samples.data() + at, count});
    }
    output.close();
    output.close();
}

class FileOutput : public ::testing::TestWithParam<std::string> {};

TEST_P(FileOutput, WritesExactLengthAndPitch) {
    TempDir dir;
    const auto path = dir / ("out" + GetParam());
    auto output = make_output({"archive", "file", path.string(), {44100, 2}});
    EXPECT_FALSE(output->is_open());
    output->open();
    EXPECT_TRUE(output->is_open());
    play_tone(*output, 44100 + 123);
    EXPECT_FALSE(output->is_open());

    const auto decoded = lp::test::decode_with_ffmpeg(path, 44100, 2);
    EXPECT_EQ(decoded.size(), (44100u + 123u) * 2);
    EXPECT_NEAR(lp::test::dominant_frequency(decoded, 44100, 2), 1000.0, 5.0);
}

INSTANTIATE_TEST_SUITE_P(Extensions, FileOutput, ::testing::Values(".wav", ".mka", ".mkv"),
                         [](const auto& param) { return param.param.substr(1); });

TEST(Output, FileWithUnsupportedExtensionIsRefused) {
    TempDir dir;
    auto output = make_output({"archive", "file", (dir / "x.mp3").string(), {}});
    try {
        output->open();
        FAIL() << "no OutputError";
    } catch (const OutputError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("archive"), std::string::npos) << what;
        EXPECT_NE(what.find("unsupported file extension"), std::string::npos) << what;
    }
    EXPECT_FALSE(output->is_open());
    output->close();
}

TEST(Output, FileInMissingDirectoryNamesTheReason) {
    auto output = make_output({"archive", "file", "/nonexistent-dir/x.wav", {}});
    try {
        output->open();
        FAIL() << "no OutputError";
    } catch (const OutputError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("/nonexistent-dir/x.wav"), std::string::npos) << what;
        EXPECT_NE(what.find("No such file or directory"), std::string::npos) << what;
    }
}

TEST(Output, NullAcceptsAudio) {
    auto output = make_output({"dry", "null", "", {48000, 2}});
    output->open();
    play_tone(*output, 10000);
    EXPECT_EQ(output->spec().name, "dry");
}

TEST(Output, WriteOnClosedOutputThrows) {
    auto output = make_output({"dry", "null", "", {48000, 2}});
    const std::vector<Sample> samples(64);
    EXPECT_THROW(output->write(samples), OutputError);
}

TEST(AlsaOutput, TapCapturesExactPcm) {
    lp::test::AlsaTap tap;
    auto output = make_output({"loa", "alsa", tap.pcm_name(), {48000, 2}});
    output->open();
    play_tone(*output, 24000);
    const auto captured = tap.samples();
    EXPECT_EQ(captured.size(), 24000u * 2);
    EXPECT_NEAR(lp::test::dominant_frequency(captured, 48000, 2, 0), 1000.0, 5.0);
    EXPECT_NEAR(lp::test::rms(captured, 2, 1), 16000 / std::sqrt(2.0), 200);
}

TEST(AlsaOutput, MonoAt22050) {
    lp::test::AlsaTap tap;
    auto output = make_output({"loa", "alsa", tap.pcm_name(), {22050, 1}});
    output->open();
    play_tone(*output, 22050);
    const auto captured = tap.samples();
    EXPECT_EQ(captured.size(), 22050u);
    EXPECT_NEAR(lp::test::dominant_frequency(captured, 22050), 1000.0, 5.0);
}

TEST(AlsaOutput, MissingDeviceNamesIt) {
    lp::test::AlsaTap tap;  // a known configuration, whatever the machine has
    auto output = make_output({"loa", "alsa", "nosuchdevice", {48000, 2}});
    try {
        output->open();
        FAIL() << "no OutputError";
    } catch (const OutputError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("nosuchdevice"), std::string::npos) << what;
        EXPECT_NE(what.find("loa"), std::string::npos) << what;
        EXPECT_NE(what.find("failed"), std::string::npos) << what;
    }
    EXPECT_FALSE(output->is_open());
    output->close();
}

}  // namespace
