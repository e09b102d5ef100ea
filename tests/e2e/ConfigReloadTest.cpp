// SIGHUP re-reads the config file (issue 12 point 2): with an item playing, a third output is
// added, one removed and the loudness target changed. What plays is not cut (the kept
// output's file has no gap), the new output gets the next item, the removed one stops after
// the current one; then a bad file on SIGHUP keeps the running config and the log names the
// problem.

#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>

#include "tests/e2e/Daemon.hpp"
#include "tests/e2e/FaultSupport.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;

std::string output(const std::string& name) {
    return "[[output]]\nname = \"" + name + "\"\nkind = \"file\"\npath = \"air/" + name + ".wav\"\n";
}

void write_config(const std::filesystem::path& file, const std::string& loudness, const std::string& outputs,
                  const std::string& start) {
    std::ofstream(file) << "[daemon]\ndatabase = \"var/lp.db\"\nmedia_dir = \"media\"\n"
                           "[audio]\nloudness_target = "
                        << loudness << "\n"
                        << outputs << "[[slot]]\nname = \"Bản tin\"\nstart = \"" << start
                        << "\"\n"
                           "[[slot.item]]\nfile = \"mot.wav\"\ntitle = \"Tin một\"\n"
                           "[[slot.item]]\nfile = \"hai.wav\"\ntitle = \"Tin hai\"\n"
                           "[[slot.item]]\nfile = \"ba.wav\"\ntitle = \"Tin ba\"\n";
}

std::vector<short> pcm_of(const std::filesystem::path& file) { return lp::test::decode_with_ffmpeg(file, 48000, 2); }

double seconds(const std::vector<short>& pcm) { return static_cast<double>(pcm.size()) / (2.0 * 48000.0); }

TEST(ConfigReload, OutputsAndAudioChangeBetweenItemsWithoutCuttingWhatPlays) {
    lp::test::TempDir dir;
    std::filesystem::create_directories(dir / "media");
    double frequency = 440;
    for (const char* name : {"mot.wav", "hai.wav", "ba.wav"}) {
        lp::test::make_audio(dir / "media" / name, 4.0,
                             {.frequency = frequency, .sample_rate = 48000, .channels = 2, .extra_args = ""});
        frequency += 220;
    }
    const auto config = dir / "lp.toml";
    const auto start = lp::test::local_clock_in(3s);
    write_config(config, "\"off\"", output("a") + output("b"), start);

    lp::test::DaemonProcess daemon(LP_DAEMON, {"--config", config.string()});
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin một\" (Bản tin) started on [a, b]", 20s)) << daemon.log();
    // The slot is the same (no re-seed); b goes, c comes, the loudness target changes.
    write_config(config, "-20", output("a") + output("c"), start);
    daemon.signal(SIGHUP);
    ASSERT_TRUE(daemon.wait_for_log("re-read: outputs added: c; outputs removed: b; [audio] from the next item", 10s))
        << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin hai\" (Bản tin) started on [a, c]", 20s)) << daemon.log();
    ASSERT_TRUE(daemon.wait_for_log("airing \"Tin ba\" completed", 20s)) << daemon.log();

    // A bad file: the running config is kept, the log says why (the loader's message).
    std::ofstream(config) << "[[output]]\nname = \"x\"\nkind = \"pulse\"\n";
    daemon.signal(SIGHUP);
    ASSERT_TRUE(daemon.wait_for_log("not reloaded, the running configuration is kept: ", 10s)) << daemon.log();
    EXPECT_NE(daemon.log().find("output[0].kind: unknown output kind \"pulse\""), std::string::npos) << daemon.log();
    // Kept means: the good file again changes nothing.
    write_config(config, "-20", output("a") + output("c"), start);
    daemon.signal(SIGHUP);
    ASSERT_TRUE(daemon.wait_for_log("re-read: nothing changed", 10s)) << daemon.log();
    daemon.signal(SIGTERM);
    ASSERT_EQ(daemon.wait_exit(20s), 0) << daemon.log();

    // The kept output: all three items, 12 s, no gap beyond the fades at the boundaries.
    const auto a = pcm_of(dir / "air" / "a.wav");
    EXPECT_NEAR(seconds(a), 12.0, 0.3);
    EXPECT_LT(lp::test::longest_silence(a, 48000, 2), 50ms);
    // The removed output stopped after the item it was playing.
    const auto b = pcm_of(dir / "air" / "b.wav");
    EXPECT_NEAR(seconds(b), 4.0, 0.3);
    EXPECT_NEAR(lp::test::dominant_frequency(std::span{b}.subspan(48000, 96000), 48000, 2), 440.0, 10.0);
    // The new output got the next items (660 Hz, then 880 Hz).
    const auto c = pcm_of(dir / "air" / "c.wav");
    EXPECT_NEAR(seconds(c), 8.0, 0.3);
    EXPECT_NEAR(lp::test::dominant_frequency(std::span{c}.subspan(48000, 96000), 48000, 2), 660.0, 10.0);
    // The loudness target applied from the next item: only the first item (cue 0) played
    // without gain.
    const auto& log = daemon.log();
    const auto without_gain = log.find("played without gain");
    ASSERT_NE(without_gain, std::string::npos) << log;
    EXPECT_NE(log.rfind("cue 0 (", without_gain), std::string::npos);
    EXPECT_EQ(log.find("played without gain", without_gain + 1), std::string::npos) << log;
    EXPECT_EQ(daemon.log().find("critical"), std::string::npos) << daemon.log();
}

}  // namespace
