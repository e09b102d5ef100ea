// Every item that airs without loudness gain is logged with the reason (issue 10, point 14).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "audio/FfmpegPlayer.hpp"
#include "tests/audio/CapturedLog.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using lp::audio::test::CapturedLog;
using lp::audio::test::RecordingEvents;

namespace {

class GainLog : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    RecordingEvents events;

    std::string play(std::optional<double> target, std::vector<Cue> cues) {
        CapturedLog log;
        {
            PlayerOptions options;
            options.paced = false;
            options.loudness_target_lufs = target;
            FfmpegPlayer player{{{"ghi", "file", (dir / "out.wav").string(), {48000, 2}}}, events, options};
            player.play({"p", std::move(cues), {}, Clock::now()});
            EXPECT_TRUE(events.wait_done("p"));
        }
        return log.text();
    }
};

TEST_F(GainLog, TargetOffIsLoggedForEachItem) {
    const auto a = dir / "a.wav";
    lp::test::make_audio(a, 0.3);
    const auto text = play(std::nullopt, {{a, -32.8}, {a, -16.0}});
    EXPECT_NE(text.find("cue 0 (" + a.string() + "): played without gain: the loudness target is off"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("cue 1 (" + a.string() + "): played without gain: the loudness target is off"),
              std::string::npos)
        << text;
}

TEST_F(GainLog, ItemWithoutMeasureIsLoggedAndMeasuredOneIsNot) {
    const auto chime = dir / "chuông.wav";
    const auto talk = dir / "tin.wav";
    lp::test::make_audio(chime, 0.2);
    lp::test::make_audio(talk, 0.5);
    const auto text = play(-16.0, {{chime, std::nullopt}, {talk, -32.8}});
    EXPECT_NE(text.find("cue 0 (" + chime.string() + "): played without gain: no loudness measure in the library"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("cue 1 (" + talk.string() + "): played without gain"), std::string::npos) << text;
    EXPECT_NE(text.find("cue 1: -32.8 LUFS, gain +12.0 dB"), std::string::npos) << text;  // clamped to max boost
}

}  // namespace
