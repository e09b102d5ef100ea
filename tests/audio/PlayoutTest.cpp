// The player's sound (gain to a loudness target, fades, gap, no clicks), its faults (an
// icecast server killed and restarted, or frozen, mid-airing; an ALSA device that does not
// exist) and its start timing.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>
#include <cmath>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

#include "audio/FfmpegPlayer.hpp"
#include "audio/player/Shaper.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/audio/Tone.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/LoopbackBuffers.hpp"
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

double db(double ratio) { return 20 * std::log10(ratio); }

// Largest sample-to-sample step on channel 0.
int largest_step(std::span<const short> interleaved, int channels) {
    int worst = 0;
    for (std::size_t i = static_cast<std::size_t>(channels); i < interleaved.size();
         i += static_cast<std::size_t>(channels))
        worst = std::max(worst, std::abs(interleaved[i] - interleaved[i - static_cast<std::size_t>(channels)]));
    return worst;
}

std::filesystem::path clip(const TempDir& dir, const std::string& name, double seconds, double frequency) {
    lp::test::AudioOptions o;
    o.frequency = frequency;
    lp::test::make_audio(dir / name, seconds, o);
    return dir / name;
}

// Retries soon and reports progress often: the fault tests stay short.
PlayerOptions fault_options() {
    PlayerOptions options;
    options.retry_first = 100ms;
    options.retry_max = 400ms;
    options.progress_interval = 100ms;
    return options;
}

OutputSpec icecast_mp3(const lp::test::IcecastServer& server) {
    OutputSpec ice;
    ice.name = "ice";
    ice.kind = "icecast";
    ice.target = server.source_url("cchc");
    ice.codec = Codec::mp3;
    return ice;
}

// Waits (5 s at most) for the airing to pass `position`.
bool reaches(RecordingEvents& events, std::chrono::milliseconds position) {
    return events.events.wait_for(5s, [&](const auto& all) {
        return std::any_of(all.begin(), all.end(),
                           [&](const Event& e) { return e.kind == Event::progress && e.position >= position; });
    });
}

// Waits (5 s at most) for the outputs carrying the airing to become `names`.
bool outputs_become(RecordingEvents& events, const std::vector<std::string>& names) {
    return events.events.wait_for(5s, [&](const auto& all) {
        return std::any_of(all.begin(), all.end(),
                           [&](const Event& e) { return e.kind == Event::outputs_changed && e.outputs == names; });
    });
}

TEST(Shaper, LimiterKeepsABoostedToneBelowFullScale) {
    const auto loud = test::float_tone(stereo48, 4800, 1000.0);  // ~0.5 FS
    player::Shaper shaper{stereo48, 12.0, 0ms, 0ms};             // x4: would clip at 2 FS
    const auto out = shaper.push(loud);
    ASSERT_EQ(out.size(), loud.size());
    const auto peak =
        std::abs(*std::max_element(out.begin(), out.end(), [](short a, short b) { return std::abs(a) < std::abs(b); }));
    EXPECT_LE(peak, 31700);  // -0.3 dBFS ceiling, never a wrapped or clipped sample
    EXPECT_GT(peak, 30000);
}

TEST(Shaper, FadesHoldBackTheTailAndEndAtSilence) {
    const auto tone = test::float_tone(stereo48, 4800, 1000.0);
    player::Shaper shaper{stereo48, 0.0, 10ms, 10ms};
    const auto first = shaper.push(tone);
    EXPECT_EQ(first.size(), tone.size() - 480 * 2);
    EXPECT_EQ(first[0], 0);
    const std::vector<Sample> head(first.begin(), first.end());
    const auto tail = shaper.finish();
    ASSERT_EQ(tail.size(), 480u * 2);
    EXPECT_LT(std::abs(tail[tail.size() - 2]), 100);
    std::vector<Sample> all = head;
    all.insert(all.end(), tail.begin(), tail.end());
    EXPECT_LT(largest_step(all, 2), 2150);  // a 1 kHz sine at 0.5 FS steps ~2094 at most
}

TEST(Playout, GainMatchesTheLoudnessTargetWithNoClickAtBoundaries) {
    TempDir dir;
    lp::test::AlsaTap tap;
    RecordingEvents events;
    // 0.51 s: the tones end mid-cycle, where a cut without fade would jump.
    const auto quiet = clip(dir, "quiet.wav", 0.51, 440);
    const auto other = clip(dir, "other.wav", 0.51, 880);
    PlayerOptions options;
    options.paced = false;
    options.loudness_target_lufs = -16.0;
    options.gap = 100ms;
    {
        FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, options};
        // quiet is said to measure -20 LUFS: +4 dB. other's loudness is unknown: no gain.
        player.play({"p", {{quiet, -20.0}, {other}, {quiet, -10.0}}, {}, Clock::now()});
        ASSERT_TRUE(events.wait_done("p"));
    }
    const auto source = lp::test::decode_with_ffmpeg(quiet, 48000, 2);
    const auto captured = tap.samples();
    const std::size_t cue = 24480 * 2, gap = 4800 * 2;
    ASSERT_EQ(captured.size(), 3 * cue + 2 * gap);
    const auto middle = [](std::span<const short> s) { return s.subspan(4800 * 2, 14400 * 2); };
    const double src = lp::test::rms(middle(source), 2);
    EXPECT_NEAR(db(lp::test::rms(middle(std::span{captured}.subspan(0, cue)), 2) / src), 4.0, 0.5);
    EXPECT_NEAR(db(lp::test::rms(middle(std::span{captured}.subspan(cue + gap, cue)), 2) / src), 0.0, 0.5);
    EXPECT_NEAR(db(lp::test::rms(middle(std::span{captured}.subspan(2 * (cue + gap), cue)), 2) / src), -6.0, 0.5);
    // The gaps are silent and nothing clicks: 880 Hz at 0.125 FS steps ~470 at most.
    EXPECT_EQ(lp::test::rms(std::span{captured}.subspan(cue, gap), 2), 0.0);
    EXPECT_LT(largest_step(captured, 2), 900);
}

TEST(Playout, AMissingAlsaDeviceIsRetriedWhileTheOthersPlay) {
    TempDir dir;
    lp::test::AlsaTap tap;
    RecordingEvents events;
    PlayerOptions options;
    options.retry_first = 100ms;
    options.progress_interval = 100ms;
    const auto a = clip(dir, "a.wav", 0.6, 440);
    FfmpegPlayer player{
        {{"loa", "alsa", tap.pcm_name(), stereo48}, {"gone", "alsa", "khong_co_thiet_bi", stereo48}}, events, options};
    player.play({"p", {{a}}, {}, Clock::now() + 250ms});
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].outputs, std::vector<std::string>{"loa"});
    EXPECT_EQ(events.of(Event::finished).at(0).result, CueResult::completed);
    EXPECT_EQ(tap.samples().size(), 28800u * 2);
    EXPECT_TRUE(events.of(Event::outputs_changed).empty());  // it never came back
}

TEST(Playout, IcecastKilledMidAiringIsRetriedAndRejoins) {
    TempDir dir;
    lp::test::AlsaTap tap;
    lp::test::IcecastServer server;
    RecordingEvents events;
    const auto a = clip(dir, "a.wav", 3.0, 440);
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}, icecast_mp3(server)}, events, fault_options()};
    player.play({"p", {{a}}, {}, Clock::now() + 250ms});
    ASSERT_TRUE(reaches(events, 500ms));
    server.kill();  // a crash, mid-airing
    ASSERT_TRUE(outputs_become(events, {"loa"})) << "the dead output was not noticed";
    server.start();
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto changes = events.of(Event::outputs_changed);
    ASSERT_GE(changes.size(), 2u);
    EXPECT_EQ(changes.back().outputs, (std::vector<std::string>{"loa", "ice"})) << "it did not rejoin";
    EXPECT_EQ(events.of(Event::started).at(0).outputs, (std::vector<std::string>{"loa", "ice"}));
    EXPECT_EQ(events.of(Event::finished).at(0).result, CueResult::completed);
    EXPECT_EQ(tap.samples().size(), 144000u * 2);  // the loudspeaker never missed a sample
}

// An icecast2 that stops reading (frozen with SIGSTOP: its socket stays open, the kernel
// buffers fill, then every write blocks for the I/O timeout) must not hold up the
// loudspeakers: they get every sample on time, "ice" is dropped as stalled and rejoins once
// the server reads again.
TEST(Playout, IcecastFrozenMidAiringDoesNotHoldUpTheLoudspeakers) {
    TempDir dir;
    lp::test::AlsaTap tap;
    lp::test::IcecastServer server;
    RecordingEvents events;
    const auto a = clip(dir, "a.wav", 5.0, 440);
    auto ice = icecast_mp3(server);
    ice.queue_limit = 500ms;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}, ice}, events, fault_options()};
    player.play({"p", {{a}}, {}, Clock::now() + 250ms});
    ASSERT_TRUE(reaches(events, 500ms));
    // Loopback buffers would take a minute of audio before a write blocks; a WAN link's, seconds.
    ASSERT_EQ(lp::test::shrink_loopback_buffers(server.port(), 8192), 1);
    server.pause();
    const bool dropped = outputs_become(events, {"loa"});
    server.resume();
    ASSERT_TRUE(dropped) << "the stalled output was not noticed";
    ASSERT_TRUE(events.wait_done("p", 10s));

    const auto changes = events.of(Event::outputs_changed);
    ASSERT_GE(changes.size(), 2u);
    EXPECT_EQ(changes.back().outputs, (std::vector<std::string>{"loa", "ice"})) << "it did not rejoin";
    EXPECT_EQ(events.of(Event::finished).at(0).result, CueResult::completed);
    // Every sample reached the loudspeakers, with no silent stretch...
    const auto captured = tap.samples();
    ASSERT_EQ(captured.size(), 240000u * 2);
    for (std::size_t at = 0; at < captured.size(); at += 4800 * 2)
        ASSERT_GT(lp::test::rms(std::span{captured}.subspan(at, 4800 * 2), 2), 1000.0) << "silence at frame " << at / 2;
    // ... and on time: the file tap does not pace, so a held-up write shows as lateness. Each
    // progress report follows the write of its position; the player writes up to 100 ms ahead.
    const auto started = events.of(Event::started).at(0).at;
    for (const auto& e : events.of(Event::progress)) {
        const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(e.at - started - e.position);
        EXPECT_LT(late, 250ms) << "the loudspeakers waited at " << e.position.count() / 1000 << " ms";
    }
}

// A TCP port whose connections the kernel accepts but nobody ever answers: an Icecast server
// that hangs (or a link that went dead mid-handshake).
class SilentServer {
public:
    SilentServer() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), size) != 0 || ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &size) != 0)
            throw std::runtime_error(std::string{"silent server: "} + std::strerror(errno));
        port_ = ntohs(addr.sin_port);
    }
    ~SilentServer() { ::close(fd_); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    int port() const { return port_; }

private:
    int fd_;
    int port_ = 0;
};

TEST(Playout, AnIcecastServerThatNeverAnswersDoesNotDelayTheLoudspeakers) {
    TempDir dir;
    lp::test::AlsaTap tap;
    SilentServer silent;
    RecordingEvents events;
    const auto a = clip(dir, "a.wav", 0.5, 440);
    OutputSpec ice;
    ice.name = "ice";
    ice.kind = "icecast";
    ice.target = "icecast://source:hackme@127.0.0.1:" + std::to_string(silent.port()) + "/cchc";
    ice.codec = Codec::mp3;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}, ice}, events, fault_options()};
    const auto start = Clock::now() + 250ms;
    player.play({"p", {{a}}, {}, start});
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 1u);
    EXPECT_EQ(started[0].outputs, std::vector<std::string>{"loa"});
    // The connect waits for the I/O timeout (1 s); the loudspeakers do not.
    EXPECT_LT(started[0].at - start, 50ms) << "the loudspeakers waited for the network";
    EXPECT_EQ(events.of(Event::finished).at(0).result, CueResult::completed);
    EXPECT_EQ(tap.samples().size(), 24000u * 2);
    // The next programme is not held up by the connect still hanging either.
    const auto next = Clock::now() + 250ms;
    player.play({"q", {{a}}, {}, next});
    ASSERT_TRUE(events.wait_done("q", 10s));
    EXPECT_LT(events.of(Event::started).at(1).at - next, 50ms);
}

TEST(Playout, FirstSampleLeavesAtTheScheduledInstant) {
    TempDir dir;
    lp::test::AlsaTap tap;
    RecordingEvents events;
    const auto a = clip(dir, "a.mp3", 0.2, 440);
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, PlayerOptions{}};
    std::vector<Clock::time_point> starts;
    for (int i = 0; i < 5; ++i) {
        starts.push_back(Clock::now() + 300ms);
        player.play({"p" + std::to_string(i), {{a}}, {}, starts.back()});
        ASSERT_TRUE(events.wait_done("p" + std::to_string(i), 5s));
    }
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        const auto late = started[i].at - starts[i];
        EXPECT_GE(late, 0ms);
        EXPECT_LT(late, 5ms) << "cue " << i << " late by " << std::chrono::duration<double, std::milli>(late).count()
                             << " ms";
    }
}

}  // namespace
