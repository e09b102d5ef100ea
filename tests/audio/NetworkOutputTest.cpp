// icecast, rtp and udp outputs against real receivers: an icecast2 server with an FFmpeg
// listener, and FFmpeg receiving RTP (with the SDP the output wrote) or UDP on loopback.
#include <gtest/gtest.h>

#include <thread>

#include "audio/FfmpegPlayer.hpp"
#include "audio/Output.hpp"
#include "tests/audio/RecordingEvents.hpp"
#include "tests/audio/Tone.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/Icecast.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/Process.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using namespace std::chrono_literals;
using lp::audio::test::Event;
using lp::audio::test::RecordingEvents;
using lp::test::TempDir;

namespace {

using lp::audio::test::stereo48;

OutputSpec spec(std::string name, std::string kind, std::string target, Codec codec) {
    OutputSpec s;
    s.name = std::move(name);
    s.kind = kind;
    s.target = std::move(target);
    s.format = stereo48;
    s.codec = codec;
    s.bitrate = 96000;
    return s;
}

// An ffmpeg CLI receiving `input_args` into a mono 48 kHz WAV.
std::unique_ptr<lp::test::Process> receiver(const std::vector<std::string>& input_args,
                                            const std::filesystem::path& wav, const std::filesystem::path& log,
                                            const std::string& duration = {}) {
    std::vector<std::string> argv{"ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "warning", "-y"};
    argv.insert(argv.end(), input_args.begin(), input_args.end());
    if (!duration.empty()) argv.insert(argv.end(), {"-t", duration});
    argv.insert(argv.end(), {"-ac", "1", "-ar", "48000", "-c:a", "pcm_s16le", wav.string()});
    return std::make_unique<lp::test::Process>(argv, log);
}

std::string file_text(const std::filesystem::path& path) {
    return lp::test::run_command("cat " + lp::test::shell_quote(path.string())).output;
}

// Writes `seconds` of a 1 kHz tone in real time (absolute deadlines), as the player would.
void play_in_real_time(Output& output, double seconds) {
    const auto samples = test::tone(stereo48, static_cast<std::size_t>(seconds * 48000), 1000.0);
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t frames = 0;
    for (std::size_t at = 0; at < samples.size(); at += 960 * 2) {
        std::this_thread::sleep_until(t0 + std::chrono::microseconds{frames * 1'000'000 / 48000});  // pacing
        const std::size_t count = std::min<std::size_t>(960 * 2, samples.size() - at);
        output.write({samples.data() + at, count});
        frames += count / 2;
    }
    output.close();
}

class Icecast : public ::testing::TestWithParam<Codec> {};

TEST_P(Icecast, AListenerDecodesTheWholeAiring) {
    TempDir dir;
    lp::test::IcecastServer server;
    lp::test::AudioOptions tone;
    tone.frequency = 440;
    lp::test::make_audio(dir / "a.wav", 1.5, tone);
    RecordingEvents events;
    PlayerOptions options;
    options.progress_interval = 100ms;
    FfmpegPlayer player{{spec("ice", "icecast", server.source_url("cchc"), GetParam())}, events, options};
    player.play({"p", {{dir / "a.wav"}}, {}, Clock::now() + 300ms});
    // The source is connected once the cue has started; the big burst gives the listener
    // the stream from its first byte.
    ASSERT_TRUE(events.events.wait_for(5s, [](const auto& all) { return !all.empty(); }));
    ASSERT_EQ(events.events.get().front().kind, Event::started) << server.error_log();
    auto listener = receiver({"-i", server.listen_url("cchc")}, dir / "heard.wav", dir / "listener.log");
    ASSERT_TRUE(events.wait_done("p", 10s));
    ASSERT_TRUE(listener->wait(10s).has_value()) << file_text(dir / "listener.log");

    const auto heard = lp::test::decode_with_ffmpeg(dir / "heard.wav", 48000, 1);
    // The whole airing from its first sample (MP3 keeps its encoder delay: no LAME header on
    // a stream) to its last: icecast2 drops what it received in the last moments before the
    // source disconnects (~120 ms here), and the output's silent tail is what it drops now.
    std::size_t first = 0;
    while (first < heard.size() && std::abs(heard[first]) < 200) ++first;
    std::size_t last = heard.size();
    while (last > first && std::abs(heard[last - 1]) < 200) --last;
    EXPECT_LT(first, 1200u + 720u) << "only the encoder delay and the fade-in precede the tone";
    // The tone's length within one MP3 frame (the fades' quietest samples are under 200).
    EXPECT_GT(last - first, 72000u - 1152u) << file_text(dir / "listener.log");
    EXPECT_LE(last - first, 72000u);
    // Then the tail (500 ms at this bitrate), less what icecast2 dropped.
    EXPECT_LT(static_cast<double>(heard.size()), 2.0 * 48000 + 3 * 1152) << file_text(dir / "listener.log");
    EXPECT_NEAR(lp::test::dominant_frequency(std::span{heard}.subspan(first, last - first), 48000), 440.0, 3.0);
    EXPECT_GT(lp::test::rms(std::span{heard}.subspan(first, last - first)), 1000.0);
}

TEST(IcecastStream, BackToBackProgrammesGoOutOnOneStream) {
    TempDir dir;
    lp::test::IcecastServer server;
    lp::test::AudioOptions tone;
    tone.frequency = 440;
    lp::test::make_audio(dir / "a.wav", 1.0, tone);
    tone.frequency = 880;
    lp::test::make_audio(dir / "b.wav", 1.0, tone);
    RecordingEvents events;
    FfmpegPlayer player{{spec("ice", "icecast", server.source_url("cchc"), Codec::mp3)}, events};
    const auto start = Clock::now() + 300ms;
    player.play({"p1", {{dir / "a.wav"}}, {}, start});
    ASSERT_TRUE(events.events.wait_for(5s, [](const auto& all) { return !all.empty(); }));
    auto listener = receiver({"-i", server.listen_url("cchc")}, dir / "heard.wav", dir / "listener.log");
    // The second starts 200 ms after the first has ended: within the first's silent tail.
    player.play({"p2", {{dir / "b.wav"}}, {}, start + 1200ms});
    ASSERT_TRUE(events.wait_done("p2", 10s));
    ASSERT_TRUE(listener->wait(10s).has_value()) << file_text(dir / "listener.log");

    // One listener connection heard both: had the source disconnected between them, the
    // stream would have ended for it after the first.
    const auto heard = lp::test::decode_with_ffmpeg(dir / "heard.wav", 48000, 1);
    ASSERT_GT(heard.size(), 48000u * 2) << file_text(dir / "listener.log");  // both tones
    const std::span<const short> all{heard};
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(12000, 24000), 48000), 440.0, 3.0);
    std::size_t last = heard.size();
    while (last > 0 && std::abs(heard[last - 1]) < 200) --last;
    ASSERT_GT(last, 36000u);
    EXPECT_NEAR(lp::test::dominant_frequency(all.subspan(last - 36000, 24000), 48000), 880.0, 3.0);
}

INSTANTIATE_TEST_SUITE_P(Codecs, Icecast, ::testing::Values(Codec::mp3, Codec::opus),
                         [](const auto& p) { return p.param == Codec::mp3 ? "mp3" : "opus"; });

TEST(Icecast, WrongPasswordIsRefusedWithTheServersReason) {
    lp::test::IcecastServer server;
    auto url = server.source_url("cchc");
    url.replace(url.find("source:") + 7, 4, "xxxx");
    auto output = make_output(spec("ice", "icecast", url, Codec::mp3));
    try {
        output->open();
        FAIL() << "opened with a wrong password";
    } catch (const std::exception& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("output 'ice' (icecast"), std::string::npos) << what;
        EXPECT_EQ(what.find(url.substr(url.find(':', 12) + 1, 4)), std::string::npos) << "password leaked: " << what;
    }
}

TEST(Rtp, PcmReceivedWithTheSdpIsTheTone) {
    TempDir dir;
    const int port = lp::test::free_port(true);
    auto s = spec("rtp", "rtp", "rtp://127.0.0.1:" + std::to_string(port), Codec::pcm);
    s.sdp_path = (dir / "loa.sdp").string();
    auto output = make_output(s);
    output->open();
    const auto sdp = file_text(dir / "loa.sdp");
    EXPECT_NE(sdp.find("L16/48000/2"), std::string::npos) << sdp;
    auto rx = receiver({"-protocol_whitelist", "file,udp,rtp", "-i", (dir / "loa.sdp").string()}, dir / "rx.wav",
                       dir / "rx.log", "1");
    ASSERT_TRUE(lp::test::wait_udp_bound(port, 10s));
    play_in_real_time(*output, 1.5);
    ASSERT_TRUE(rx->wait(10s).has_value()) << file_text(dir / "rx.log");
    const auto heard = lp::test::decode_with_ffmpeg(dir / "rx.wav", 48000, 1);
    EXPECT_EQ(heard.size(), 48000u) << file_text(dir / "rx.log");
    EXPECT_NEAR(lp::test::dominant_frequency(heard, 48000), 1000.0, 3.0);
    EXPECT_GT(lp::test::rms(heard), 5000.0);  // s16be decoded right: a clean 0.5 FS sine
}

TEST(Rtp, OpusSdpNamesOpus) {
    TempDir dir;
    auto s = spec("rtp", "rtp", "rtp://127.0.0.1:" + std::to_string(lp::test::free_port(true)), Codec::opus);
    s.sdp_path = (dir / "loa.sdp").string();
    auto output = make_output(s);
    output->open();
    EXPECT_NE(file_text(dir / "loa.sdp").find("opus/48000/2"), std::string::npos);
    output->close();
}

TEST(Udp, OpusInMpegTsOnMulticastLoopbackIsTheTone) {
    TempDir dir;
    const int port = lp::test::free_port(true);
    auto output = make_output(spec("udp", "udp", "udp://127.0.0.1:" + std::to_string(port), Codec::opus));
    output->open();
    // UDP has no end: probe briefly, or the receiver waits for 5 s of stream before decoding.
    auto rx = receiver({"-analyzeduration", "300000", "-i", "udp://127.0.0.1:" + std::to_string(port)}, dir / "rx.wav",
                       dir / "rx.log", "1");
    ASSERT_TRUE(lp::test::wait_udp_bound(port, 10s));
    play_in_real_time(*output, 2.5);
    ASSERT_TRUE(rx->wait(10s).has_value()) << file_text(dir / "rx.log");
    const auto heard = lp::test::decode_with_ffmpeg(dir / "rx.wav", 48000, 1);
    EXPECT_EQ(heard.size(), 48000u) << file_text(dir / "rx.log");
    EXPECT_NEAR(lp::test::dominant_frequency(heard, 48000), 1000.0, 3.0);
}

TEST(Udp, RawPcmIsTheTone) {
    TempDir dir;
    const int port = lp::test::free_port(true);
    auto output = make_output(spec("udp", "udp", "udp://127.0.0.1:" + std::to_string(port), Codec::pcm));
    output->open();
    auto rx = receiver({"-f", "s16le", "-ar", "48000", "-ac", "2", "-i", "udp://127.0.0.1:" + std::to_string(port)},
                       dir / "rx.wav", dir / "rx.log", "1");
    ASSERT_TRUE(lp::test::wait_udp_bound(port, 10s));
    play_in_real_time(*output, 1.5);
    ASSERT_TRUE(rx->wait(10s).has_value()) << file_text(dir / "rx.log");
    const auto heard = lp::test::decode_with_ffmpeg(dir / "rx.wav", 48000, 1);
    EXPECT_EQ(heard.size(), 48000u) << file_text(dir / "rx.log");
    EXPECT_NEAR(lp::test::dominant_frequency(heard, 48000), 1000.0, 3.0);
}

}  // namespace
