// One-pass analysis against independent references: loudness against the ffmpeg CLI's own
// ebur128 summary, the digest against sha256sum, for many formats and rates made at test time.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "audio/analysis/Analyse.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

struct Reference {
    double integrated = 0;
    double peak = 0;
};

// Runs `ffmpeg -af ebur128=peak=true` and parses its summary ("I: -23.0 LUFS", "Peak: -1.0 dBFS").
Reference ffmpeg_ebur128(const std::filesystem::path& file) {
    const auto r = lp::test::run_command("ffmpeg -nostdin -hide_banner -nostats -i " + shell_quote(file.string()) +
                                         " -af ebur128=peak=true -f null -");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const auto summary = r.output.substr(r.output.rfind("Summary:"));
    std::smatch m;
    Reference ref;
    EXPECT_TRUE(std::regex_search(summary, m, std::regex(R"(I:\s+(-?[0-9.]+) LUFS)"))) << summary;
    ref.integrated = std::stod(m[1]);
    EXPECT_TRUE(std::regex_search(summary, m, std::regex(R"(Peak:\s+(-?[0-9.]+) dBFS)"))) << summary;
    ref.peak = std::stod(m[1]);
    return ref;
}

using lp::test::sha256sum;

struct Case {
    std::string name;
    int rate;
    int channels;
    std::string extra;
};

class AnalyseFormats : public testing::TestWithParam<Case> {};

TEST_P(AnalyseFormats, MeasuresLikeFfmpegAndHashesTheBytes) {
    const auto& c = GetParam();
    lp::test::TempDir dir;
    const auto file = dir / c.name;
    // A tone plus some noise (a realistic loudness range), with a quiet part.
    lp::test::make_audio(
        file, 4.0,
        {.frequency = 523.0, .sample_rate = c.rate, .channels = c.channels, .extra_args = "-af volume=0.7 " + c.extra});
    const auto copy = dir / "copy.bin";
    const int fd = ::open(copy.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    const auto facts = lp::audio::analyse(file, {.copy_fd = fd});
    ::close(fd);
    const auto ref = ffmpeg_ebur128(file);
    ASSERT_TRUE(facts.integrated_lufs.has_value()) << c.name;
    EXPECT_NEAR(*facts.integrated_lufs, ref.integrated, 0.5) << c.name;
    EXPECT_NEAR(facts.true_peak_dbtp, ref.peak, 0.5) << c.name;
    EXPECT_EQ(facts.sha256, sha256sum(file));
    EXPECT_EQ(sha256sum(copy), facts.sha256) << "the copy holds exactly the hashed bytes";
    EXPECT_EQ(facts.size_bytes, std::filesystem::file_size(file));
    EXPECT_NEAR(static_cast<double>(facts.duration.count()), 4000.0, 120.0) << c.name;
    EXPECT_EQ(facts.channels, c.channels);
    EXPECT_GT(facts.sample_rate, 0);
    EXPECT_FALSE(facts.codec.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Formats, AnalyseFormats,
    testing::Values(Case{"a.mp3", 44100, 2, ""}, Case{"b.mp3", 22050, 1, "-b:a 48k"}, Case{"c.m4a", 48000, 2, ""},
                    Case{"d.ogg", 32000, 2, ""}, Case{"e.opus", 48000, 1, ""}, Case{"f.flac", 96000, 2, ""},
                    Case{"g.wav", 8000, 1, ""}, Case{"h.wav", 44100, 6, ""}, Case{"i.mp3", 8000, 1, "-b:a 16k"},
                    // ID3v1 at the end: the demuxer seeks there, the hash must still cover every byte once
                    Case{"j.mp3", 44100, 2, "-write_id3v1 1 -metadata title=x"}),
    [](const auto& param) { return std::to_string(param.index); });

TEST(AnalyseTags, ReadsVietnameseTitleFromId3v2Utf16AndVorbisComments) {
    lp::test::TempDir dir;
    const std::string title = "Cải cách hành chính: Đường dây nóng 1022";
    lp::test::make_audio(dir / "id3.mp3", 1.0,
                         {.extra_args = "-id3v2_version 3 -metadata title=" + shell_quote(title) +
                                        " -metadata artist='Phóng viên Lê Thị Ánh'"});
    lp::test::make_audio(dir / "vorbis.ogg", 1.0, {.extra_args = "-metadata title=" + shell_quote(title)});
    lp::test::make_audio(dir / "flac.flac", 1.0, {.extra_args = "-metadata title=" + shell_quote(title)});
    // ID3v2.3 stores non-Latin-1 text as UTF-16 with a BOM: check that is what we read.
    const auto head = lp::test::run_command("head -c 200 " + shell_quote((dir / "id3.mp3").string()) +
                                            " | od -An -tx1 | tr -d ' \\n'");
    EXPECT_NE(head.output.find("01fffe"), std::string::npos) << "expected a UTF-16 frame: " << head.output;
    for (const auto* name : {"id3.mp3", "vorbis.ogg", "flac.flac"}) {
        const auto facts = lp::audio::analyse(dir / name);
        ASSERT_TRUE(facts.tags.contains("title")) << name;
        EXPECT_EQ(facts.tags.at("title"), title) << name;
    }
    EXPECT_EQ(lp::audio::analyse(dir / "id3.mp3").tags.at("artist"), "Phóng viên Lê Thị Ánh");
}

TEST(AnalyseProgress, ReportsUpToTheWholeFile) {
    lp::test::TempDir dir;
    lp::test::make_audio(dir / "p.mp3", 3.0);
    std::uint64_t last = 0, total = 0;
    int calls = 0;
    lp::audio::analyse(dir / "p.mp3", {.progress = [&](std::uint64_t done, std::uint64_t all) {
                           EXPECT_GE(done, last);
                           last = done;
                           total = all;
                           ++calls;
                       }});
    EXPECT_GT(calls, 1);
    EXPECT_EQ(last, total);
    EXPECT_EQ(total, std::filesystem::file_size(dir / "p.mp3"));
}

}  // namespace
