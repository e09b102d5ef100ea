#include <gtest/gtest.h>

#include <string>

#include "audio/FfmpegPlayer.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/audio/Tone.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using namespace std::chrono_literals;
using lp::audio::test::Event;
using lp::audio::test::RecordingEvents;
using lp::test::TempDir;

namespace {

using lp::audio::test::stereo48;

PlayerOptions options(bool paced, std::chrono::milliseconds progress = 2000ms) {
    PlayerOptions o;
    o.paced = paced;
    o.progress_interval = progress;
    return o;
}

class Player : public ::testing::Test {
protected:
    TempDir dir;
    lp::test::AlsaTap tap;
    RecordingEvents events;

    std::vector<OutputSpec> outputs() const {
        return {{"loa", "alsa", tap.pcm_name(), stereo48},
                {"archive", "file", (dir / "archive.wav").string(), stereo48}};
    }
    std::filesystem::path clip(const std::string& name, double seconds, double frequency = 440) {
        const auto path = dir / name;
        lp::test::AudioOptions o;
        o.frequency = frequency;
        o.sample_rate = 44100;
        lp::test::make_audio(path, seconds, o);
        return path;
    }
};

TEST_F(Player, UnpacedPlaysGoodCuesAndReportsTheMissingOne) {
    const auto a = clip("a.wav", 0.5, 440);
    const auto b = clip("b.flac", 0.25, 880);
    const auto missing = dir / "missing.mp3";
    {
        FfmpegPlayer player{outputs(), events, options(false, 100ms)};
        player.play({"p1", {{a}, {missing}, {b}}, {}, Clock::now()});
        ASSERT_TRUE(events.wait_done("p1"));
    }
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 2u);
    EXPECT_EQ(started[0].cue, 0u);
    EXPECT_EQ(started[1].cue, 2u);
    EXPECT_EQ(started[0].outputs, (std::vector<std::string>{"loa", "archive"}));

    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 3u);
    EXPECT_EQ(finished[0].result, CueResult::completed);
    EXPECT_EQ(finished[0].reason, "");
    EXPECT_NEAR(std::chrono::duration<double>(finished[0].position).count(), 0.5, 0.001);
    EXPECT_EQ(finished[1].result, CueResult::failed);
    EXPECT_NE(finished[1].reason.find(missing.string()), std::string::npos) << finished[1].reason;
    EXPECT_NE(finished[1].reason.find("No such file or directory"), std::string::npos);
    EXPECT_EQ(finished[1].failure, FailureKind::file_missing);
    EXPECT_EQ(finished[2].result, CueResult::completed);
    EXPECT_NEAR(std::chrono::duration<double>(finished[2].position).count(), 0.25, 0.001);

    const auto progress = events.of(Event::progress);
    EXPECT_GE(progress.size(), 5u);  // 0.5 s + 0.25 s at 100 ms
    for (const auto& p : progress) EXPECT_NE(p.cue, 1u);

    // Both outputs carry both good clips, back to back.
    const auto captured = tap.samples();
    EXPECT_NEAR(static_cast<double>(captured.size()) / 2, 0.75 * 48000, 2);
    const std::span<const short> all{captured};
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(4800, 14400), 48000, 2), 440, 5);
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(2 * 24000 + 4800, 14400), 48000, 2), 880, 5);
    const auto archived = lp::test::decode_with_ffmpeg(dir / "archive.wav", 48000, 2);
    EXPECT_EQ(archived.size(), captured.size());
    EXPECT_EQ(events.events.get().back().kind, Event::programme_done);
}

TEST_F(Player, OpensOnlyTheNamedOutputsAndSkipsBrokenOnes) {
    const auto a = clip("a.wav", 0.2);
    std::vector<OutputSpec> specs = outputs();
    specs.push_back({"broken", "alsa", "nosuchdevice", stereo48});
    FfmpegPlayer player{specs, events, options(false)};
    player.play({"p", {{a}}, {"broken", "loa"}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].outputs, std::vector<std::string>{"loa"});
    EXPECT_EQ(events.of(Event::finished).at(0).result, CueResult::completed);
    EXPECT_FALSE(std::filesystem::exists(dir / "archive.wav"));
    EXPECT_EQ(tap.samples().size(), 0.2 * 48000 * 2);
}

TEST_F(Player, NoOutputMeansEveryCueFails) {
    const auto a = clip("a.wav", 0.2);
    FfmpegPlayer player{{{"broken", "alsa", "nosuchdevice", stereo48}}, events, options(false)};
    player.play({"p", {{a}, {a}}, {}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    EXPECT_TRUE(events.of(Event::started).empty());
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    for (const auto& f : finished) {
        EXPECT_EQ(f.result, CueResult::failed);
        EXPECT_EQ(f.reason.rfind("no output could be opened: broken: ", 0), 0u) << f.reason;
        EXPECT_NE(f.reason.find("nosuchdevice"), std::string::npos) << f.reason;
        EXPECT_EQ(f.failure, FailureKind::no_output);
    }
}

TEST_F(Player, PacedPlaysInRealTimeFromTheStartInstant) {
    const auto a = clip("a.wav", 1.0);
    FfmpegPlayer player{outputs(), events, options(true, 250ms)};
    const auto start = Clock::now() + 300ms;
    player.play({"p", {{a}}, {}, start});
    ASSERT_TRUE(events.wait_done("p"));
    const auto started = events.of(Event::started);
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(started.size(), 1u);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_GE(started[0].at, start);
    EXPECT_LT(started[0].at, start + 100ms);
    EXPECT_EQ(finished[0].result, CueResult::completed);
    const auto wall = std::chrono::duration<double>(finished[0].at - started[0].at).count();
    EXPECT_GE(wall, 0.95);
    EXPECT_LT(wall, 1.5);
    // Progress events arrive while it plays, not in one burst at the end.
    const auto progress = events.of(Event::progress);
    ASSERT_GE(progress.size(), 3u);
    EXPECT_GE(progress.back().at - progress.front().at, 400ms);
}

TEST_F(Player, StopCutsTheCueAndDropsTheQueue) {
    const auto a = clip("long.wav", 10.0);
    FfmpegPlayer player{outputs(), events, options(true, 100ms)};
    player.play({"p1", {{a}, {a}}, {}, Clock::now()});
    player.play({"p2", {{a}}, {}, Clock::now()});
    ASSERT_TRUE(events.events.wait_for(10s, [](const std::vector<Event>& all) {
        return std::any_of(all.begin(), all.end(),
                           [](const Event& e) { return e.kind == Event::progress && e.position >= 300ms; });
    }));
    const auto stop_at = Clock::now();
    // The stop says where it cut: p1's first cue, unfinished (it is reported interrupted).
    const auto cut = player.stop();
    ASSERT_TRUE(cut);
    EXPECT_EQ(cut->programme, "p1");
    EXPECT_EQ(cut->cue, 0u);
    EXPECT_FALSE(cut->ended);
    ASSERT_TRUE(events.wait_done("p1", 5s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].result, CueResult::interrupted);
    const double played = std::chrono::duration<double>(finished[0].position).count();
    EXPECT_GE(played, 0.3);
    EXPECT_LT(played, 2.0);
    EXPECT_LT(finished[0].at - stop_at, 500ms);

    // The thread lives on: a later programme plays; p2 was dropped.
    const auto b = clip("b.wav", 0.1);
    player.play({"p3", {{b}}, {}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p3"));
    // The dropped programme is only reported done, with no cue events.
    std::vector<Event::Kind> p2;
    for (const auto& e : events.events.get())
        if (e.programme == "p2") p2.push_back(e.kind);
    EXPECT_EQ(p2, std::vector<Event::Kind>{Event::programme_done});
    EXPECT_EQ(events.of(Event::finished).back().result, CueResult::completed);
    // A stop now finds p3's cue ended, as its event says.
    const auto after = player.stop();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->programme, "p3");
    EXPECT_TRUE(after->ended);
}

TEST_F(Player, StopWhileWaitingForTheStartAndDestroyWhilePlaying) {
    const auto a = clip("a.wav", 5.0);
    FfmpegPlayer player{outputs(), events, options(true)};
    player.play({"later", {{a}}, {}, Clock::now() + 1h});
    EXPECT_FALSE(player.stop());  // no cue yet
    ASSERT_TRUE(events.wait_done("later", 5s));
    EXPECT_TRUE(events.of(Event::started).empty());
    player.play({"now", {{a}}, {}, Clock::now()});
    ASSERT_TRUE(events.events.wait_for(10s, [](const std::vector<Event>& all) {
        return std::any_of(all.begin(), all.end(), [](const Event& e) { return e.kind == Event::started; });
    }));
    // ~FfmpegPlayer stops and joins; the cut cue is still reported.
}

}  // namespace

namespace {

// An archive file whose writes fail (ENOSPC): a .wav name pointing at /dev/full. FFmpeg's
// file protocol buffers 256 KiB, so the failure shows after ~1.4 s of 48 kHz stereo.
std::filesystem::path full_disk_wav(const TempDir& dir) {
    const auto path = dir / "full.wav";
    std::filesystem::create_symlink("/dev/full", path);
    return path;
}

TEST_F(Player, AnOutputFailingMidCueIsDroppedAndTheOthersPlayOn) {
    const auto a = clip("a.wav", 2.0);
    FfmpegPlayer player{
        {{"loa", "alsa", tap.pcm_name(), stereo48}, {"full", "file", full_disk_wav(dir).string(), stereo48}},
        events,
        options(false)};
    player.play({"p", {{a}, {a}}, {}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 2u);
    EXPECT_EQ(started[0].outputs, (std::vector<std::string>{"loa", "full"}));
    EXPECT_EQ(started[1].outputs, std::vector<std::string>{"loa"});
    for (const auto& f : events.of(Event::finished)) EXPECT_EQ(f.result, CueResult::completed);
    EXPECT_EQ(tap.samples().size(), 2u * 2 * 48000 * 2);
}

TEST_F(Player, WhenEveryOutputFailsTheCueFails) {
    const auto a = clip("a.wav", 2.0);
    FfmpegPlayer player{{{"full", "file", full_disk_wav(dir).string(), stereo48}}, events, options(false)};
    player.play({"p", {{a}, {a}}, {}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_NE(finished[0].reason.find("full"), std::string::npos) << finished[0].reason;
    EXPECT_NE(finished[0].reason.find("No space left on device"), std::string::npos) << finished[0].reason;
    EXPECT_EQ(finished[1].result, CueResult::failed);
    EXPECT_EQ(finished[1].reason.rfind("every output failed: full: ", 0), 0u) << finished[1].reason;
    EXPECT_EQ(finished[1].failure, FailureKind::outputs_failed);
    EXPECT_EQ(events.of(Event::started).size(), 1u);  // the second cue never started
}

// A file cut short after import (disk rot, tampering) decodes "fine" to its new end: the
// player compares with the length the library measured and never calls it completed.
TEST_F(Player, AStreamEndingWellBeforeTheLibrarysLengthIsAFailureWithWhatWasPlayed) {
    const auto a = clip("a.wav", 1.0);
    FfmpegPlayer player{outputs(), events, options(false)};
    player.play({"p", {{a, std::nullopt, 4000ms}, {a, std::nullopt, 1000ms}}, {}, Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(events.of(Event::started).size(), 2u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_EQ(finished[0].failure, FailureKind::ended_early);
    EXPECT_NEAR(std::chrono::duration<double>(finished[0].position).count(), 1.0, 0.001);
    EXPECT_NE(finished[0].reason.find("1.0 s of 4.0 s"), std::string::npos) << finished[0].reason;
    EXPECT_EQ(finished[1].result, CueResult::completed);  // within the tolerance of its length
}

// A failed check (the file's bytes changed since import) keeps the cue off the air entirely.
TEST_F(Player, ACueWhoseCheckFailsNeverStartsAndTheNextOnePlays) {
    const auto a = clip("a.wav", 0.5);
    std::promise<Failure> bad;
    bad.set_value({FailureKind::file_changed, "a.wav: SHA-256 differs"});
    std::promise<Failure> good;
    good.set_value({});
    FfmpegPlayer player{outputs(), events, options(false)};
    player.play({"p",
                 {{a, std::nullopt, {}, bad.get_future().share()}, {a, std::nullopt, {}, good.get_future().share()}},
                 {},
                 Clock::now()});
    ASSERT_TRUE(events.wait_done("p"));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_EQ(finished[0].failure, FailureKind::file_changed);
    EXPECT_EQ(finished[1].result, CueResult::completed);
    ASSERT_EQ(events.of(Event::started).size(), 1u);
    EXPECT_EQ(events.of(Event::started)[0].cue, 1u);
}

}  // namespace
