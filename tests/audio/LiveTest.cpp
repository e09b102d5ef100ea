// Live sources (tiếp sóng): a real icecast2 "station" fed by the ffmpeg CLI, killed and
// restarted mid-relay, and an HLS playlist ffmpeg writes into a temporary folder. The relay
// goes out through the player to an ALSA tap; the fallback is a tone of its own, so the
// capture tells the station, the fallback and silence apart.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <thread>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/FfmpegPlayer.hpp"
#include "audio/ffmpeg/Interrupt.hpp"
#include "audio/live/AlsaCapture.hpp"
#include "audio/live/RunningGain.hpp"
#include "tests/audio/CapturedLog.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/audio/Tone.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/FileText.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/Slowdown.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using namespace std::chrono_literals;
using lp::audio::test::Event;
using lp::test::TempDir;

namespace {

using Recorded = lp::audio::test::RecordingEvents;
using lp::audio::test::stereo48;
constexpr double station_hz = 440;
constexpr double fallback_hz = 1000;

// What a 100 ms window of the capture carries, from its zero crossings and level.
enum class Heard { station, fallback, silence, other };

std::vector<Heard> windows(const std::vector<short>& s) {
    std::vector<Heard> out;
    constexpr std::size_t frames = 4800;
    for (std::size_t w = 0; (w + 1) * frames * 2 <= s.size(); ++w) {
        int crossings = 0;
        double energy = 0;
        for (std::size_t f = w * frames; f < (w + 1) * frames; ++f) {
            energy += static_cast<double>(s[f * 2]) * s[f * 2];
            if (f > w * frames && (s[f * 2] >= 0) != (s[(f - 1) * 2] >= 0)) ++crossings;
        }
        const double hz = crossings / 2.0 / 0.1;
        if (std::sqrt(energy / frames) < 100)
            out.push_back(Heard::silence);
        else if (std::abs(hz - station_hz) < 40)
            out.push_back(Heard::station);
        else if (std::abs(hz - fallback_hz) < 60)
            out.push_back(Heard::fallback);
        else
            out.push_back(Heard::other);
    }
    return out;
}

std::size_t count(const std::vector<Heard>& w, Heard h) {
    return static_cast<std::size_t>(std::count(w.begin(), w.end(), h));
}

// Polls `done` every 20 ms for up to `timeout` (the capture file has no event to wait on).
template <typename F>
bool poll_until(std::chrono::milliseconds timeout, F done) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

// The last 100 ms captured so far is `h`.
bool now_hearing(const lp::test::AlsaTap& tap, Heard h) {
    auto s = tap.samples();
    if (s.size() < 9600) return false;
    s.erase(s.begin(), s.end() - 9600);
    const auto w = windows(s);
    return !w.empty() && w.back() == h;
}

PlayerOptions live_options() {
    PlayerOptions o;
    o.progress_interval = 500ms;
    o.live.open_timeout = 1000ms;
    o.live.stall_timeout = 1000ms;
    o.live.retry_interval = 300ms;
    o.live.buffer = 300ms;
    o.loudness_target_lufs = -23.0;  // the running gain in the path
    return o;
}

Cue live_cue(const std::string& url, std::chrono::milliseconds length, std::filesystem::path fallback = {}) {
    Cue cue;
    cue.length = length;
    cue.live = LiveSpec{url, {}, std::move(fallback)};
    return cue;
}

// Airs `url` for `length` to the tap, starting `preroll` from now, and returns the cue's
// finished event; none when the programme did not end in time or the cue did not finish once.
std::optional<Event> relay_once(const lp::test::AlsaTap& tap, Recorded& events, const std::string& url,
                                std::chrono::milliseconds length, std::chrono::milliseconds preroll = 1500ms) {
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, live_options()};
    player.play({"p", {live_cue(url, length)}, {}, Clock::now() + preroll});
    if (!events.wait_done("p", 15s)) return std::nullopt;
    const auto finished = events.of(Event::finished);
    if (finished.size() != 1) return std::nullopt;
    return finished[0];
}

// A station on a real icecast2, killed and restarted at will, and the tap that captures what
// the relay airs.
struct Station {
    TempDir dir;
    lp::test::AlsaTap tap;
    lp::test::IcecastServer server;
    std::unique_ptr<lp::test::Process> feed = lp::test::tone_station(server, "station", dir / "station.log");
    Recorded events;

    // A tone the capture tells from the station's, standing for a fallback or a notice.
    std::filesystem::path other_tone(const std::string& name, double seconds) const {
        const auto file = dir / name;
        lp::test::make_audio(file, seconds,
                             {.frequency = fallback_hz, .sample_rate = 48000, .channels = 1, .extra_args = ""});
        return file;
    }
    void kill() {  // the server crashes mid-relay; its feeder dies with it
        server.kill();
        feed.reset();
    }
    void restart() {
        server.start();
        feed = lp::test::tone_station(server, "station", dir / "station.log");
    }
};

}  // namespace

TEST(Live, StationKilledMidRelayIsRetriedWhileTheFallbackFillsTheGap) {
    Station st;
    auto& tap = st.tap;
    auto& server = st.server;
    auto& events = st.events;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, live_options()};
    player.play({"p",
                 {live_cue(server.listen_url("station"), 9000ms, st.other_tone("fallback.wav", 1.0))},
                 {},
                 Clock::now() + 1500ms});

    ASSERT_TRUE(poll_until(5s, [&] { return now_hearing(tap, Heard::station); })) << "the station never came through";
    st.kill();
    const auto killed = Clock::now();
    ASSERT_TRUE(poll_until(5s, [&] { return now_hearing(tap, Heard::fallback); })) << "no fallback after the kill";
    st.restart();
    ASSERT_TRUE(poll_until(6s, [&] { return now_hearing(tap, Heard::station); })) << "the relay never came back";
    ASSERT_TRUE(events.wait_done("p", 15s));

    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_EQ(finished[0].failure, FailureKind::source_dropouts);
    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 90u) << "the cue lasts exactly its planned length";
    EXPECT_EQ(count(heard, Heard::silence), 0u) << "the fallback left no silence";
    EXPECT_GE(count(heard, Heard::fallback), 2u);
    EXPECT_GE(count(heard, Heard::station), 40u);
    // played = what the station itself gave, never the fallback.
    const double relayed = static_cast<double>(finished[0].position.count()) / 1e6;
    const double station_windows = static_cast<double>(count(heard, Heard::station)) / 10.0;
    EXPECT_NEAR(relayed, station_windows, 0.5);
    EXPECT_LT(relayed, 8.9);
    // The report: every dropout with its time and length, the fallback by name; relayed and
    // the dropouts add up to the planned length.
    ASSERT_TRUE(finished[0].live);
    const auto& live = *finished[0].live;
    EXPECT_EQ(live.planned, 9000ms);
    EXPECT_EQ(live.fallback, "fallback.wav");
    ASSERT_FALSE(live.dropouts.empty());
    std::chrono::milliseconds down{0};
    bool after_kill = false;
    for (const auto& d : live.dropouts) {
        down += d.length;
        if (d.at >= killed - 1500ms && d.at <= killed + 1500ms && d.length >= 300ms) after_kill = true;
    }
    EXPECT_TRUE(after_kill) << "no dropout at the kill";
    EXPECT_NEAR(relayed + static_cast<double>(down.count()) / 1e3, 9.0, 0.3);
    EXPECT_NE(live.last_error.find("station"), std::string::npos) << live.last_error;
}

// The runs of one kind in the capture, as (first window, length).
std::vector<std::pair<std::size_t, std::size_t>> runs_of(const std::vector<Heard>& w, Heard h) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i] != h) continue;
        if (!runs.empty() && runs.back().first + runs.back().second == i)
            ++runs.back().second;
        else
            runs.emplace_back(i, 1);
    }
    return runs;
}

// A source with no fallback file and a spoken notice: the dropout airs silence for its first
// notice_after (the default 2 s), then the notice (here a tone of its own, 0.7 s, so the
// capture tells it apart), silence, and the notice again every notice_every (2 s) while the
// station is down; the report says the notice filled in.
TEST(Live, WithoutAFallbackFileTheDropoutAirsTheNoticeThenSilenceAndRepeatsIt) {
    Station st;
    auto& tap = st.tap;
    auto& server = st.server;
    auto& events = st.events;
    auto options = live_options();
    options.live.notice = st.other_tone("notice.wav", 0.7);
    options.live.notice_every = 2000ms;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, options};
    // 20 s: the station is restarted about 6 s in, and under ASan on a loaded machine icecast2
    // took over 5 s to listen again (with 12 s the cue had ended before the station was back).
    player.play({"p", {live_cue(server.listen_url("station"), 20000ms)}, {}, Clock::now() + 1500ms});

    ASSERT_TRUE(poll_until(5s, [&] { return now_hearing(tap, Heard::station); })) << "the station never came through";
    st.kill();
    ASSERT_TRUE(poll_until(5s, [&] { return now_hearing(tap, Heard::fallback); })) << "no notice after the kill";
    ASSERT_TRUE(poll_until(3s, [&] { return now_hearing(tap, Heard::silence); })) << "no silence after the notice";
    ASSERT_TRUE(poll_until(3s, [&] { return now_hearing(tap, Heard::fallback); })) << "the notice was not repeated";
    ASSERT_TRUE(poll_until(3s, [&] { return now_hearing(tap, Heard::silence); }));
    st.restart();
    ASSERT_TRUE(poll_until(lp::test::slack(6s), [&] { return now_hearing(tap, Heard::station); }))
        << "the relay never came back";
    ASSERT_TRUE(events.wait_done("p", 30s));

    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 200u);
    // Two notices or more, each about 0.7 s (a 100 ms window may straddle its edges), started
    // 2 s apart, with silence between them and nothing else.
    const auto notices = runs_of(heard, Heard::fallback);
    ASSERT_GE(notices.size(), 2u);
    // The kill's dropout is silent for its first 2 s: the station's last window, then silence.
    auto last_station = notices[0].first;
    while (last_station > 0 && heard[last_station] != Heard::station) --last_station;
    ASSERT_EQ(heard[last_station], Heard::station);
    EXPECT_NEAR(static_cast<double>(notices[0].first - last_station), 20.0, 3.0) << "silence before the first notice";
    for (std::size_t i = 0; i + 1 < notices.size(); ++i) {
        EXPECT_NEAR(static_cast<double>(notices[i].second), 7.0, 1.0) << "notice " << i;
        if (notices[i + 1].first - notices[i].first > 25) continue;  // a later dropout of its own
        EXPECT_NEAR(static_cast<double>(notices[i + 1].first - notices[i].first), 20.0, 1.0) << "notice " << i;
        std::size_t quiet = 0;
        for (auto w = notices[i].first + notices[i].second; w < notices[i + 1].first; ++w)
            quiet += heard[w] == Heard::silence ? 1 : 0;
        // Only the two windows that straddle a notice's edges may be something else.
        EXPECT_GE(quiet, notices[i + 1].first - notices[i].first - notices[i].second - 2) << "silence between notices";
    }

    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].failure, FailureKind::source_dropouts);
    ASSERT_TRUE(finished[0].live);
    EXPECT_TRUE(finished[0].live->notice);
    EXPECT_EQ(finished[0].live->fallback, "") << "no fallback file";
    // relayed is the station alone, never the notice.
    EXPECT_NEAR(static_cast<double>(finished[0].position.count()) / 1e6,
                static_cast<double>(count(heard, Heard::station)) / 10.0, 0.5);
}

// A notice that could not be made (its file is missing): the dropout is silence, the player
// logs why once, and the cue fails only for its source, as without a notice.
TEST(Live, AMissingNoticeLeavesSilenceAndIsLoggedNotAFailure) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    lp::audio::test::CapturedLog log;
    auto options = live_options();
    options.live.notice = dir / "never-spoken.wav";
    options.live.notice_after = 500ms;
    options.live.notice_every = 1000ms;
    const int port = lp::test::free_port();  // nobody listens there
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, options};
    player.play({"p", {live_cue("http://127.0.0.1:" + std::to_string(port) + "/x", 2500ms)}, {}, Clock::now() + 300ms});
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].failure, FailureKind::source_unreachable);
    ASSERT_TRUE(finished[0].live);
    EXPECT_FALSE(finished[0].live->notice);
    const auto samples = tap.samples();
    EXPECT_EQ(samples.size(), 120000u * 2) << "the slot aired its full length";
    EXPECT_TRUE(std::all_of(samples.begin(), samples.end(), [](short s) { return s == 0; }));
    const auto text = log.text();
    const auto first = text.find("never-spoken.wav");
    ASSERT_NE(first, std::string::npos) << text;
    EXPECT_EQ(text.find("spoken notice", text.find("spoken notice") + 1), std::string::npos) << "logged once: " << text;
}

// A microphone session (a capture device) that loses its capture airs the notice worded for a
// live reading, a relayed stream that does not come the relay's: here two tones the capture
// tells apart (the relay's at the station's pitch). Each cue's report says a notice filled in.
TEST(Live, ACaptureDeviceAirsTheLiveReadingsNoticeAndAStreamTheRelaysOne) {
    TempDir dir;
    lp::test::AlsaTap tap;
    tap.add_capture("micro", dir / "gone.raw");  // no such file: the capture never comes
    const auto tone = [&](const std::string& name, double hz) {
        lp::test::make_audio(dir / name, 0.7, {.frequency = hz, .sample_rate = 48000, .channels = 1, .extra_args = ""});
        return dir / name;
    };
    auto options = live_options();
    options.live.notice = tone("relay.wav", station_hz);
    options.live.capture_notice = tone("reading.wav", fallback_hz);
    options.live.notice_after = 300ms;
    options.live.notice_every = 5000ms;
    Recorded events;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, options};
    const int port = lp::test::free_port();  // nobody listens there
    player.play({"p",
                 {live_cue("alsa:micro", 2000ms), live_cue("http://127.0.0.1:" + std::to_string(port) + "/x", 2000ms)},
                 {},
                 Clock::now() + 300ms});
    ASSERT_TRUE(events.wait_done("p", 15s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    for (const auto& f : finished) {
        EXPECT_EQ(f.failure, FailureKind::source_unreachable);
        ASSERT_TRUE(f.live);
        EXPECT_TRUE(f.live->notice);
    }
    const auto heard = windows(tap.samples());
    ASSERT_EQ(heard.size(), 40u);
    const std::vector<Heard> reading(heard.begin(), heard.begin() + 20);
    const std::vector<Heard> relay(heard.begin() + 20, heard.end());
    EXPECT_GE(count(reading, Heard::fallback), 5u) << "the live reading's notice";
    EXPECT_EQ(count(reading, Heard::station), 0u);
    EXPECT_GE(count(relay, Heard::station), 5u) << "the relay's notice";
    EXPECT_EQ(count(relay, Heard::fallback), 0u);
}

// A microphone is read from the decision, 2 s ahead of the session's start, but what it heard
// before the start does not air: the loudspeakers follow the speaker by the relay's buffer
// (300 ms here), not by the pre-roll. The capture says one tone for its first 1.2 s and another
// after; the session airs only the second.
TEST(Live, AMicrophoneAirsFromItsStartNotFromWhatItHeardInThePreRoll) {
    TempDir dir;
    lp::test::AlsaTap tap;
    const auto part = [&](const std::string& name, double seconds, double hz) {
        lp::test::make_audio(dir / name, seconds,
                             {.frequency = hz, .sample_rate = 48000, .channels = 2, .extra_args = "-f s16le"});
        return lp::test::slurp(dir / name);
    };
    lp::test::spit(dir / "micro.raw", part("before.raw", 1.2, station_hz) + part("after.raw", 6.0, fallback_hz));
    tap.add_capture("micro", dir / "micro.raw");
    Recorded events;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, live_options()};
    player.play({"p", {live_cue("alsa:micro", 2000ms)}, {}, Clock::now() + 2000ms});
    ASSERT_TRUE(events.wait_done("p", 15s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].result, CueResult::completed);
    const auto heard = windows(tap.samples());
    ASSERT_EQ(heard.size(), 20u);
    EXPECT_EQ(count(heard, Heard::station), 0u) << "the pre-roll's sound aired";
    EXPECT_GE(count(heard, Heard::fallback), 18u);
}

// A radio server gives a new listener a small burst that starts in the middle of an MP3 frame;
// FFmpeg's probe then waits for 128 KiB (8 s at 128 kbit/s) before it is sure, longer than the
// open timeout. Taken from the stream's Content-Type, the demuxer opens at once: during a
// 1.5 s pre-roll, and the relay airs from its first sample.
TEST(Live, AnMp3StationJoinedMidFrameAirsFromItsFirstSampleAfterTheShortPreRoll) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    lp::test::IcecastServer server{16384};
    const auto feed = lp::test::tone_station(server, "station", dir / "station.log");
    // Until a listener gets more than the burst in half a second: the station has run long
    // enough that the burst starts wherever the server's buffers do.
    const auto joined = [&] {
        const auto got = dir / "joined.mp3";
        lp::test::Process curl{{"curl", "-s", "-m", "0.5", "-o", got.string(), server.listen_url("station")}};
        curl.wait(2s);
        std::error_code ec;
        // Half a second of the station is 8 kB: the rest is the burst.
        return std::filesystem::file_size(got, ec) > 16000 && !ec;
    };
    ASSERT_TRUE(poll_until(15s, joined)) << "the station never streamed";
    const auto finished = relay_once(tap, events, server.listen_url("station"), 3000ms);
    ASSERT_TRUE(finished);
    EXPECT_EQ(finished->result, CueResult::completed) << finished->reason;
    ASSERT_TRUE(finished->live);
    EXPECT_TRUE(finished->live->dropouts.empty());
    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 30u);
    EXPECT_EQ(count(heard, Heard::station), 30u);
}

// ffmpeg writes a finished HLS playlist of `seconds` of the station's tone in 2 s AAC
// segments: DIR/live.m3u8.
void write_hls(const std::filesystem::path& dir, int seconds) {
    lp::test::Process writer{
        {"ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
         "sine=frequency=440:sample_rate=48000:duration=" + std::to_string(seconds), "-ac", "2", "-c:a", "aac", "-f",
         "hls", "-hls_time", "2", "-hls_list_size", "0", (dir / "live.m3u8").string()},
        dir / "hls.log"};
    ASSERT_EQ(writer.wait(20s), 0);
}

// The same playlist served over HTTP: its Content-Type names no demuxer, so it is opened again
// by its URL and the HLS demuxer fetches the segments it names.
TEST(Live, HlsPlaylistOverHttpIsRelayedInFull) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    ASSERT_NO_FATAL_FAILURE(write_hls(dir.path(), 6));
    const auto port = lp::test::free_port();
    lp::test::Process web{{"python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", dir.path().string(),
                           std::to_string(port)},
                          dir / "web.log"};
    const auto url = "http://127.0.0.1:" + std::to_string(port) + "/live.m3u8";
    const auto serving = [&] {
        lp::test::Process curl{{"curl", "-sf", "-o", "/dev/null", url}};
        return curl.wait(2s) == 0;
    };
    ASSERT_TRUE(poll_until(10s, serving)) << "python3 -m http.server never answered";
    const auto finished = relay_once(tap, events, url, 3000ms);
    ASSERT_TRUE(finished);
    EXPECT_EQ(finished->result, CueResult::completed) << finished->reason;
    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 30u);
    EXPECT_EQ(count(heard, Heard::station), 30u);
}

// A station sent as RTP (MP3 over UDP, as a studio's encoder would), described by the SDP
// file its sender writes: the relay opens the SDP, receives the packets and airs them.
TEST(Live, AnRtpStationDescribedByItsSdpFileIsRelayed) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    const auto sdp = dir / "station.sdp";
    const auto port = lp::test::free_port(true);
    auto args = lp::test::tone_mp3_args();
    args.insert(args.end(), {"-f", "rtp", "-sdp_file", sdp.string(), "rtp://127.0.0.1:" + std::to_string(port)});
    lp::test::Process sender{std::move(args), dir / "sender.log"};
    const auto described = [&] {
        std::error_code ec;
        return std::filesystem::file_size(sdp, ec) > 0 && !ec;
    };
    ASSERT_TRUE(poll_until(10s, described)) << "ffmpeg wrote no SDP file";
    const auto finished = relay_once(tap, events, sdp.string(), 4000ms);
    ASSERT_TRUE(finished);
    ASSERT_TRUE(finished->live);
    // UDP may take a moment to join (the receiver binds when it opens): what went out is the
    // station's, and nearly all of it.
    const double relayed = static_cast<double>(finished->live->relayed.count()) / 1e6;
    EXPECT_GE(relayed, 3.0) << finished->reason;
    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 40u);
    EXPECT_NEAR(static_cast<double>(count(heard, Heard::station)) / 10.0, relayed, 0.3);
}

TEST(Live, HlsPlaylistInATemporaryFolderIsRelayedInFull) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    // The relay reads the playlist through file://.
    const auto playlist = dir / "live.m3u8";
    ASSERT_NO_FATAL_FAILURE(write_hls(dir.path(), 8));
    const auto finished = relay_once(tap, events, "file://" + playlist.string(), 4000ms, 1000ms);
    ASSERT_TRUE(finished);
    EXPECT_EQ(finished->result, CueResult::completed) << finished->reason;
    EXPECT_NEAR(static_cast<double>(finished->position.count()) / 1e6, 4.0, 0.05);
    const auto heard = windows(tap.samples());
    EXPECT_EQ(heard.size(), 40u);
    EXPECT_EQ(count(heard, Heard::station), 40u);
}

TEST(Live, UnreachableSourceFailsWithNothingRelayedAndSilenceForFallback) {
    TempDir dir;
    lp::test::AlsaTap tap;
    Recorded events;
    const int port = lp::test::free_port();  // nobody listens there
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, live_options()};
    player.play({"p", {live_cue("http://127.0.0.1:" + std::to_string(port) + "/x", 1500ms)}, {}, Clock::now() + 300ms});
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 1u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_EQ(finished[0].failure, FailureKind::source_unreachable);
    EXPECT_EQ(finished[0].position.count(), 0);
    EXPECT_NE(finished[0].reason.find(std::to_string(port)), std::string::npos) << finished[0].reason;
    EXPECT_EQ(events.of(Event::started).size(), 1u) << "the slot went on air (with silence) at its time";
    EXPECT_EQ(tap.samples().size(), 72000u * 2);
}

// Airs capture `device` for 1.5 s then a 1 s file: the live cue fails with ALSA's `reason`
// naming the device (silence for its length), and the next item starts on time.
void expect_capture_failure_and_next_on_time(const lp::test::AlsaTap& tap, const TempDir& dir,
                                             const std::string& device, const std::string& reason) {
    lp::test::make_audio(dir / "next.wav", 1.0,
                         {.frequency = 880, .sample_rate = 48000, .channels = 2, .extra_args = ""});
    Recorded events;
    FfmpegPlayer player{{{"loa", "alsa", tap.pcm_name(), stereo48}}, events, live_options()};
    Cue next;
    next.file = dir / "next.wav";
    next.length = 1000ms;
    const auto start = Clock::now() + 300ms;
    player.play({"p", {live_cue("alsa:" + device, 1500ms), next}, {}, start});
    ASSERT_TRUE(events.wait_done("p", 10s));
    const auto finished = events.of(Event::finished);
    ASSERT_EQ(finished.size(), 2u);
    EXPECT_EQ(finished[0].result, CueResult::failed);
    EXPECT_EQ(finished[0].failure, FailureKind::source_unreachable);
    EXPECT_NE(finished[0].reason.find("alsa:" + device + ": snd_pcm_open() failed: " + reason), std::string::npos)
        << finished[0].reason;
    EXPECT_EQ(finished[1].result, CueResult::completed);
    const auto started = events.of(Event::started);
    ASSERT_EQ(started.size(), 2u);
    EXPECT_NEAR(std::chrono::duration<double>(started[1].at - start).count(), 1.5, 0.15) << "the next item on time";
}

// A capture device that was there when the source was set and is gone at air time (the test's
// capture PCM, whose file is removed): a failure with ALSA's reason naming the device, silence
// for the planned length, and the next item on time.
TEST(Live, ACaptureDeviceGoneAtAirTimeFailsWithItsReasonAndTheNextItemAirsOnTime) {
    TempDir dir;
    lp::test::AlsaTap tap;
    tap.add_capture("micro", dir / "gone.raw");  // no such file: opening fails like a missing device
    expect_capture_failure_and_next_on_time(tap, dir, "micro", "No such file or directory");
}

// A capture device another program holds (the test's busy PCM, held by this test): the check
// when a source is set refuses it with -EBUSY, as it accepts it once let go; at air time it is
// a failure with ALSA's reason, silence for its length, and the next item on time.
TEST(Live, ACaptureDeviceBusyAtAirTimeFailsWithItsReasonAndTheNextItemAirsOnTime) {
    TempDir dir;
    lp::test::AlsaTap tap;
    lp::test::make_audio(dir / "tone.raw", 5.0,
                         {.frequency = 1000, .sample_rate = 48000, .channels = 2, .extra_args = "-f s16le"});
    tap.add_capture("micro", dir / "tone.raw");
    const auto lock = tap.add_busy_capture("micro-ban", "micro");
    EXPECT_NO_THROW(live::check_capture("micro-ban")) << "free: it opens";
    lp::test::HeldDevice held{lock};
    try {
        live::check_capture("micro-ban");
        ADD_FAILURE() << "a held device opened";
    } catch (const live::CaptureOpenError& e) {
        EXPECT_EQ(e.error(), -EBUSY);
        EXPECT_NE(std::string(e.what()).find("alsa:micro-ban: snd_pcm_open() failed: Device or resource busy"),
                  std::string::npos)
            << e.what();
    }
    expect_capture_failure_and_next_on_time(tap, dir, "micro-ban", "Device or resource busy");
}

TEST(Live, AStalledSourceIsAbortedWithinItsTimeout) {
    // A server that accepts and never answers: opening must give up at open_timeout.
    const int port = lp::test::free_port();
    lp::test::Process silent{{"python3", "-c",
                              "import socket,time\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_"
                              "REUSEADDR,1)\ns.bind(('127.0.0.1'," +
                                  std::to_string(port) + "))\ns.listen(4)\nc=s.accept()\ntime.sleep(60)\n"}};
    ASSERT_TRUE(lp::test::wait_tcp_listening(port, 5s));
    ffmpeg::Interrupt interrupt;
    interrupt.arm(700ms);
    const auto t0 = std::chrono::steady_clock::now();
    try {
        Decoder d{"http://127.0.0.1:" + std::to_string(port) + "/x", stereo48, interrupt};
        FAIL() << "opened a server that never answers";
    } catch (const MediaError& e) {
        EXPECT_EQ(e.kind(), FailureKind::source_unreachable) << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

TEST(Live, RunningGainBringsAQuietSourceToTheTargetWithoutJumps) {
    // A 1 kHz sine at amplitude 0.01 (about -40 LUFS in stereo) and a -23 LUFS target: the
    // gain settles at +12 dB (the boost limit) a few seconds in, moving at most 3 dB per second.
    live::RunningGain gain{stereo48, -23.0, 30.0, 12.0};
    std::vector<float> chunk(4800 * 2);
    std::size_t n = 0;
    double previous = 0.0;
    for (int c = 0; c < 110; ++c) {  // 11 s in 100 ms chunks
        for (std::size_t f = 0; f < 4800; ++f, ++n)
            chunk[f * 2] = chunk[f * 2 + 1] =
                0.01F * static_cast<float>(std::sin(2 * M_PI * 1000.0 * static_cast<double>(n) / 48000.0));
        gain.apply(chunk);
        EXPECT_LE(std::abs(gain.gain_db() - previous), 0.3 + 1e-9) << "at chunk " << c;
        previous = gain.gain_db();
        if (c < 29) {
            EXPECT_EQ(gain.gain_db(), 0.0) << "no gain before 3 s were heard";
        }
    }
    EXPECT_NEAR(gain.gain_db(), 12.0, 1e-9);
    float peak = 0;
    for (float v : chunk) peak = std::max(peak, std::abs(v));
    EXPECT_NEAR(peak, 0.01 * std::pow(10.0, 12.0 / 20.0), 0.001);
}
