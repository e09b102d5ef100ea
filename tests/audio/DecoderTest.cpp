#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/ffmpeg/FormatContext.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using lp::test::TempDir;

namespace {

constexpr PcmFormat target_format{48000, 2};

lp::test::AudioOptions tone_options(double frequency, int rate, int channels) {
    lp::test::AudioOptions options;
    options.frequency = frequency;
    options.sample_rate = rate;
    options.channels = channels;
    return options;
}

// The decoder's float samples (full scale ±1.0) as s16, for the PCM measurements.
void append_s16(std::vector<Sample>& all, std::span<const float> samples) {
    for (const float x : samples)
        all.push_back(static_cast<Sample>(std::lrint(std::clamp(x * 32768.0F, -32768.0F, 32767.0F))));
}

std::vector<Sample> decode_all(Decoder& decoder, std::size_t chunk_frames = 1000) {
    const auto channels = static_cast<std::size_t>(decoder.format().channels);
    std::vector<Sample> all;
    std::vector<float> chunk(chunk_frames * channels);
    while (const std::size_t frames = decoder.read(chunk)) append_s16(all, std::span{chunk}.first(frames * channels));
    return all;
}

// Allowed difference in output frames (at 48 kHz): about one codec frame plus the encoder's
// delay/padding that the container does not describe.
long tolerance_frames(const std::string& ext, int rate) {
    const auto scale = [&](long frames) { return frames * 48000 / rate; };
    if (ext == ".wav" || ext == ".flac") return 2;
    if (ext == ".mp3") return scale(1152) + 1;
    if (ext == ".m4a") return scale(1024) + 1;
    if (ext == ".ogg") return scale(2048) + 1;
    if (ext == ".opus") return 960 + 312 + 1;  // one 20 ms frame plus pre-skip, at 48 kHz
    return 0;
}

using FormatCase = std::tuple<std::string, int, int>;  // extension, rate, channels

class DecodeFormats : public ::testing::TestWithParam<FormatCase> {};

TEST_P(DecodeFormats, DecodesToTargetWithExpectedLengthAndPitch) {
    const auto& [ext, rate, channels] = GetParam();
    TempDir dir;
    const auto file = dir / ("tone" + ext);
    constexpr double seconds = 1.0;
    lp::test::make_audio(file, seconds, tone_options(440, rate, channels));

    Decoder decoder{file, target_format};
    EXPECT_EQ(decoder.format(), target_format);
    EXPECT_NEAR(std::chrono::duration<double>(decoder.duration()).count(), seconds, 0.2);
    const auto samples = decode_all(decoder);
    const long frames = static_cast<long>(samples.size() / 2);
    EXPECT_LE(std::labs(frames - 48000), tolerance_frames(ext, rate)) << frames << ext << " " << rate << " Hz";
    EXPECT_EQ(decoder.read(std::span<float>{}), 0u);

    // The middle half of the clip, away from the codec's start/end transients.
    const std::span<const short> middle{samples.data() + samples.size() / 4, samples.size() / 2};
    EXPECT_NEAR(lp::test::dominant_frequency(middle, 48000, 2, 0), 440.0, 4.0);
    EXPECT_NEAR(lp::test::dominant_frequency(middle, 48000, 2, 1), 440.0, 4.0);
    EXPECT_GT(lp::test::rms(middle, 2, 0), 1000.0);
}

std::string case_name(const ::testing::TestParamInfo<FormatCase>& info) {
    const auto& [ext, rate, channels] = info.param;
    return ext.substr(1) + "_" + std::to_string(rate) + (channels == 1 ? "_mono" : "_stereo");
}

INSTANTIATE_TEST_SUITE_P(AllFormats, DecodeFormats,
                         ::testing::Combine(::testing::Values(".mp3", ".m4a", ".ogg", ".opus", ".flac", ".wav"),
                                            ::testing::Values(8000, 22050, 44100, 48000), ::testing::Values(1, 2)),
                         case_name);

TEST(Decoder, ReadsIntoSmallAndOddBuffers) {
    TempDir dir;
    const auto file = dir / "tone.wav";
    lp::test::make_audio(file, 0.5, tone_options(440, 48000, 2));
    Decoder decoder{file, {48000, 1}};
    std::vector<float> chunk(7);
    std::size_t total = 0;
    while (const std::size_t frames = decoder.read(chunk)) {
        EXPECT_LE(frames, 7u);
        total += frames;
    }
    EXPECT_EQ(total, 24000u);
}

TEST(Decoder, ResamplesToAnyTarget) {
    TempDir dir;
    const auto file = dir / "tone.flac";
    lp::test::make_audio(file, 1.0, tone_options(440, 44100, 2));
    Decoder decoder{file, {22050, 1}};
    const auto all = decode_all(decoder, 512);
    EXPECT_NEAR(static_cast<double>(all.size()), 22050, 2);
    EXPECT_NEAR(lp::test::dominant_frequency(all, 22050), 440.0, 4.0);
}

// Decoding `file` fails (at construction or while reading) with a MediaError naming it.
void expect_media_error(const std::filesystem::path& file, const std::string& reason_part = {}) {
    try {
        Decoder decoder{file, target_format};
        std::vector<float> chunk(2048);
        while (decoder.read(chunk) > 0) {
        }
        ADD_FAILURE() << "no MediaError for " << file;
    } catch (const MediaError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind(file.string() + ": ", 0), 0u) << what;
        if (!reason_part.empty()) {
            EXPECT_NE(what.find(reason_part), std::string::npos) << what;
        }
    }
}

TEST(DecoderErrors, MissingFile) {
    TempDir dir;
    expect_media_error(dir / "missing.mp3", "avformat_open_input() failed: No such file or directory");
}

TEST(DecoderErrors, ZeroByteFile) {
    TempDir dir;
    const auto file = dir / "empty.mp3";
    std::ofstream{file};
    expect_media_error(file);
}

TEST(DecoderErrors, TextFile) {
    TempDir dir;
    const auto file = dir / "notes.txt";
    std::ofstream{file} << "Lịch phát thanh tuần này: thứ Hai 6 giờ sáng.\n";
    expect_media_error(file);
}

TEST(DecoderErrors, TextFileNamedMp3) {
    TempDir dir;
    const auto file = dir / "notes.mp3";
    std::ofstream{file} << "not audio at all\n";
    expect_media_error(file);
}

TEST(DecoderErrors, RandomBytesNamedMp3) {
    TempDir dir;
    const auto file = dir / "noise.mp3";
    std::mt19937 random{42};
    std::ofstream out{file, std::ios::binary};
    for (int i = 0; i < 200000; ++i) out.put(static_cast<char>(random() & 0xff));
    out.close();
    expect_media_error(file);
}

TEST(DecoderErrors, VideoOnlyFileHasNoAudioStream) {
    TempDir dir;
    const auto file = dir / "video.mkv";
    const auto result =
        lp::test::run_command("ffmpeg -nostdin -loglevel error -f lavfi -i testsrc=duration=0.2:size=64x64 -c:v ffv1 " +
                              lp::test::shell_quote(file.string()));
    ASSERT_EQ(result.exit_code, 0) << result.output;
    expect_media_error(file, "no audio stream");
}

TEST(DecoderErrors, TruncatedMp3EndsEarlyOrFails) {
    TempDir dir;
    const auto full = dir / "full.mp3";
    lp::test::make_audio(full, 2.0);
    const auto cut = dir / "cut.mp3";
    std::filesystem::copy_file(full, cut);
    std::filesystem::resize_file(cut, std::filesystem::file_size(full) / 3);
    try {
        Decoder decoder{cut, target_format};
        const auto samples = decode_all(decoder);
        EXPECT_LT(samples.size() / 2, 48000u * 2 * 2 / 3);  // ended early
    } catch (const MediaError& e) {
        EXPECT_NE(std::string{e.what()}.find(cut.string()), std::string::npos);
    }
    // A header-only stub fails outright.
    std::filesystem::resize_file(cut, 100);
    expect_media_error(cut);
}

}  // namespace

// What a radio server's Content-Type says is taken as the demuxer only for the formats whose
// probe is slow when a stream starts mid-frame; the rest is probed.
TEST(Decoder, ContentTypesNamingMp3OrAdtsChooseTheirDemuxer) {
    using lp::audio::ffmpeg::demuxer_for_content_type;
    EXPECT_STREQ(demuxer_for_content_type("audio/mpeg"), "mp3");
    EXPECT_STREQ(demuxer_for_content_type(" Audio/MPEG ; charset=utf-8"), "mp3");
    EXPECT_STREQ(demuxer_for_content_type("audio/aacp"), "aac");
    EXPECT_STREQ(demuxer_for_content_type("audio/aac"), "aac");
    EXPECT_EQ(demuxer_for_content_type("application/vnd.apple.mpegurl"), nullptr);
    EXPECT_EQ(demuxer_for_content_type("application/ogg"), nullptr);
    EXPECT_EQ(demuxer_for_content_type("audio/mpegurl"), nullptr);
    EXPECT_EQ(demuxer_for_content_type(""), nullptr);
}
