// The archive output: one MP3 file per local day, appended across the day's programmes, and
// probed with libavformat.
#include <gtest/gtest.h>

#include "audio/FfmpegPlayer.hpp"
#include "audio/output/Target.hpp"
#include "tests/audio/ArchiveSpec.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

extern "C" {
#include <libavformat/avformat.h>
}

using namespace lp::audio;
using namespace std::chrono_literals;
using lp::audio::test::RecordingEvents;
using lp::test::TempDir;

namespace {

struct Probe {
    std::string codec;
    double seconds = 0;
};

Probe probe(const std::filesystem::path& path) {
    AVFormatContext* ctx = nullptr;
    if (avformat_open_input(&ctx, path.c_str(), nullptr, nullptr) < 0) return {};
    avformat_find_stream_info(ctx, nullptr);
    Probe p{avcodec_get_name(ctx->streams[0]->codecpar->codec_id), static_cast<double>(ctx->duration) / AV_TIME_BASE};
    avformat_close_input(&ctx);
    return p;
}

Clock::time_point utc(const char* text) {
    std::tm tm{};
    strptime(text, "%Y-%m-%dT%H:%M:%S", &tm);
    return Clock::from_time_t(timegm(&tm));
}

using lp::audio::test::archive_spec;

TEST(Archive, FileIsNamedByTheLocalDay) {
    // 17:30 UTC is already the next day in Vietnam (UTC+7).
    EXPECT_EQ(output::archive_file("/a", "Asia/Ho_Chi_Minh", utc("2026-11-28T17:30:00")), "/a/2026-11-29.mp3");
    EXPECT_EQ(output::archive_file("/a", "Asia/Ho_Chi_Minh", utc("2026-11-28T16:59:59")), "/a/2026-11-28.mp3");
    EXPECT_EQ(output::archive_file("/a", "UTC", utc("2026-11-28T17:30:00")), "/a/2026-11-28.mp3");
}

TEST(Archive, ProgrammesOfTheDayAppendToOneMp3) {
    TempDir dir;
    lp::test::AudioOptions tone;
    tone.frequency = 440;
    lp::test::make_audio(dir / "a.wav", 1.0, tone);
    lp::test::make_audio(dir / "b.wav", 0.5, tone);
    const OutputSpec spec = archive_spec(dir / "archive");
    RecordingEvents events;
    PlayerOptions options;
    options.paced = false;
    const auto start = utc("2026-11-29T01:00:00");  // unpaced: the instant only names the file
    {
        FfmpegPlayer player{{spec}, events, options};
        player.play({"morning", {{dir / "a.wav"}}, {}, start});
        player.play({"noon", {{dir / "b.wav"}}, {}, start + 5h});
        ASSERT_TRUE(events.wait_done("noon"));
    }
    const auto file = dir / "archive" / "2026-11-29.mp3";
    ASSERT_TRUE(std::filesystem::exists(file));
    const auto p = probe(file);
    EXPECT_EQ(p.codec, "mp3");
    // CBR without a Xing header: the duration is size / bitrate. Each programme adds the
    // encoder's delay and padding (under two 1152-sample frames).
    EXPECT_NEAR(p.seconds, 1.5 + 2 * 0.036, 0.05);
    const auto decoded = lp::test::decode_with_ffmpeg(file, 48000, 1);
    EXPECT_NEAR(static_cast<double>(decoded.size()) / 48000, 1.5 + 2 * 0.036, 0.05);
    ASSERT_GT(decoded.size(), 60000u);  // within the first programme:
    EXPECT_NEAR(lp::test::dominant_frequency(std::span{decoded}.subspan(4800, 38400), 48000), 440.0, 2.0);
}

// Each cue's start reports where it went in the day's recording, so a journal row can be played
// back from the archive: decoding the file from that offset gives that cue's sound.
TEST(Archive, EachCueStartSaysWhereItIsInTheDayRecording) {
    TempDir dir;
    const std::vector<std::pair<const char*, double>> tones{{"a.wav", 440}, {"b.wav", 880}, {"c.wav", 660}};
    for (const auto& [name, hz] : tones) {
        lp::test::AudioOptions tone;
        tone.frequency = hz;
        lp::test::make_audio(dir / name, name[0] == 'a' ? 1.0 : 0.5, tone);
    }
    const OutputSpec spec = archive_spec(dir / "archive");
    RecordingEvents events;
    PlayerOptions options;
    options.paced = false;
    const auto start = utc("2026-11-29T01:00:00");
    {
        FfmpegPlayer player{{spec}, events, options};
        player.play({"morning", {{dir / "a.wav"}}, {}, start});
        ASSERT_TRUE(events.wait_done("morning"));
        player.play({"noon", {{dir / "b.wav"}, {dir / "c.wav"}}, {}, start + 5h});
        ASSERT_TRUE(events.wait_done("noon"));
    }
    const auto started = events.of(lp::audio::test::Event::started);
    ASSERT_EQ(started.size(), 3u);
    const auto file = dir / "archive" / "2026-11-29.mp3";
    for (const auto& e : started) {
        ASSERT_TRUE(e.recording.has_value()) << e.programme << " cue " << e.cue;
        EXPECT_EQ(e.recording->file, file);
    }
    EXPECT_EQ(started[0].recording->offset, 0ms);
    // The noon programme is appended after the morning's second (and the encoder's padding).
    const auto b = started[1].recording->offset, c = started[2].recording->offset;
    EXPECT_NEAR(static_cast<double>(b.count()), 1036, 40);
    EXPECT_NEAR(static_cast<double>((c - b - options.gap).count()), 500.0, 30.0);
    const auto decoded = lp::test::decode_with_ffmpeg(file, 48000, 1);
    const auto at = [&](std::chrono::milliseconds offset) {
        // 0.2 s from 50 ms after the offset: inside the cue whatever the encoder's delay.
        return std::span{decoded}.subspan(static_cast<std::size_t>((offset.count() + 50) * 48), 9600);
    };
    EXPECT_NEAR(lp::test::dominant_frequency(at(started[0].recording->offset), 48000), 440.0, 5.0);
    EXPECT_NEAR(lp::test::dominant_frequency(at(b), 48000), 880.0, 5.0);
    EXPECT_NEAR(lp::test::dominant_frequency(at(c), 48000), 660.0, 5.0);
}

}  // namespace
