// The archive output: one MP3 file per local day, appended across the day's programmes, and
// probed with libavformat.
#include <gtest/gtest.h>

#include "audio/FfmpegPlayer.hpp"
#include "audio/output/Target.hpp"
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
    OutputSpec spec;
    spec.name = "luu";
    spec.kind = "archive";
    spec.target = (dir / "archive").string();
    spec.format = {48000, 2};
    spec.codec = Codec::mp3;
    spec.bitrate = 64000;
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

}  // namespace
