// A corpus of bad files, made at test time: each is rejected with its reason, and nothing
// is half-imported (no row, no file in the media folder).

#include <gtest/gtest.h>

#include <fstream>

#include "audio/analysis/Rejection.hpp"
#include "db/Store.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::audio::RejectReason;
using lp::test::shell_quote;

void ffmpeg(const std::string& args) {
    const auto r = lp::test::run_command("ffmpeg -nostdin -hide_banner -loglevel error -y " + args);
    ASSERT_EQ(r.exit_code, 0) << r.output;
}

// Overwrites `count` bytes in the middle of the file with a pattern that is no valid frame.
void corrupt_middle(const std::filesystem::path& file, std::size_t count) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(file) / 2));
    for (std::size_t i = 0; i < count; ++i) f.put(static_cast<char>((i * 37) & 0xff));
}

void truncate_half(const std::filesystem::path& file) {
    std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
}

class BadInput : public testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path media = dir / "media";
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");

    lp::audio::Rejected rejection(const std::filesystem::path& file) {
        lp::library::Importer importer(db, media);
        try {
            importer.import({.file = file});
        } catch (const lp::audio::Rejected& e) {
            return e;
        }
        ADD_FAILURE() << file << " was imported";
        return lp::audio::Rejected(RejectReason::unreadable, "", "");
    }

    void expect_nothing_imported() {
        EXPECT_TRUE(lp::library::ItemStore(db).list({.include_retired = true}).empty());
        EXPECT_TRUE(std::filesystem::is_empty(media)) << "a file was left in the media folder";
    }
};

TEST_F(BadInput, MissingFileIsUnreadable) {
    const auto r = rejection(dir / "không có.mp3");
    EXPECT_EQ(r.reason(), RejectReason::unreadable);
    EXPECT_EQ(r.detail(), "No such file or directory");
    expect_nothing_imported();
}

TEST_F(BadInput, FolderIsUnreadable) {
    EXPECT_EQ(rejection(dir.path()).reason(), RejectReason::unreadable);
    expect_nothing_imported();
}

TEST_F(BadInput, ZeroLengthFileIsEmpty) {
    std::ofstream(dir / "rỗng.mp3").close();
    EXPECT_EQ(rejection(dir / "rỗng.mp3").reason(), RejectReason::empty);
    expect_nothing_imported();
}

TEST_F(BadInput, TextIsNotAudio) {
    std::ofstream(dir / "ghi chú.mp3") << "Đây không phải âm thanh.\n";
    const auto r = rejection(dir / "ghi chú.mp3");
    EXPECT_EQ(r.reason(), RejectReason::not_audio);
    EXPECT_NE(r.detail().find("avformat_open_input() failed"), std::string::npos) << r.detail();
    expect_nothing_imported();
}

TEST_F(BadInput, ImageHasNoAudioStream) {
    ffmpeg("-f lavfi -i color=c=red:s=16x16 -frames:v 1 " + shell_quote((dir / "ảnh.png").string()));
    const auto r = rejection(dir / "ảnh.png");
    EXPECT_EQ(r.reason(), RejectReason::not_audio);
    EXPECT_EQ(r.detail(), "no audio stream");
    expect_nothing_imported();
}

TEST_F(BadInput, AllZeroSamplesAreSilent) {
    ffmpeg("-f lavfi -i anullsrc=r=44100:cl=stereo -t 3 " + shell_quote((dir / "im lặng.wav").string()));
    EXPECT_EQ(rejection(dir / "im lặng.wav").reason(), RejectReason::silent);
    expect_nothing_imported();
}

TEST_F(BadInput, BarelyAudibleHissIsSilent) {
    ffmpeg("-f lavfi -i anoisesrc=a=0.00001:d=3 " + shell_quote((dir / "hiss.flac").string()));
    EXPECT_EQ(rejection(dir / "hiss.flac").reason(), RejectReason::silent);
    expect_nothing_imported();
}

// Integrated loudness is gated on 400 ms blocks and undefined below that: a 0.2 s chime (a
// jingle) is a sound, not silence. It is imported, hashed and copied, with no loudness measure.
TEST_F(BadInput, ShortChimeIsImportedNotSilent) {
    // lavfi's sine is at 1/8 of full scale: -18 dBFS.
    ffmpeg("-f lavfi -i sine=frequency=880:sample_rate=48000:duration=0.2 -c:a pcm_s16le " +
           shell_quote((dir / "chuông.wav").string()));
    lp::library::Importer importer(db, media);
    const auto result = importer.import({.file = dir / "chuông.wav", .form = "am_nhac"});
    EXPECT_FALSE(result.duplicate);
    const auto& item = result.item;
    ASSERT_TRUE(item.sha256.has_value());
    EXPECT_EQ(item.sha256->size(), 64u);
    EXPECT_TRUE(std::filesystem::exists(item.file)) << item.file;
    EXPECT_EQ(item.file.parent_path(), media);
    ASSERT_TRUE(item.duration_ms.has_value());
    EXPECT_NEAR(static_cast<double>(*item.duration_ms), 200.0, 5.0);
    EXPECT_FALSE(item.loudness_lufs.has_value()) << "no integrated loudness exists below 0.4 s";
    ASSERT_TRUE(item.true_peak_dbtp.has_value());
    EXPECT_NEAR(*item.true_peak_dbtp, -18.0, 0.5);
}

TEST_F(BadInput, ShortDigitalSilenceIsStillSilent) {
    ffmpeg("-f lavfi -i anullsrc=r=48000:cl=mono -t 0.2 " + shell_quote((dir / "lặng ngắn.wav").string()));
    const auto r = rejection(dir / "lặng ngắn.wav");
    EXPECT_EQ(r.reason(), RejectReason::silent);
    EXPECT_NE(r.detail().find("true peak"), std::string::npos) << r.detail();
    expect_nothing_imported();
}

TEST_F(BadInput, AudioStreamWithoutSamples) {
    ffmpeg("-f lavfi -i sine -t 0 -c:a pcm_s16le " + shell_quote((dir / "zero.wav").string()));
    EXPECT_EQ(rejection(dir / "zero.wav").reason(), RejectReason::no_samples);
    expect_nothing_imported();
}

TEST_F(BadInput, CorruptMp3IsRejectedWithTheOffset) {
    lp::test::make_audio(dir / "hỏng.mp3", 20.0);
    corrupt_middle(dir / "hỏng.mp3", 4000);
    const auto r = rejection(dir / "hỏng.mp3");
    EXPECT_EQ(r.reason(), RejectReason::undecodable);
    ASSERT_TRUE(r.offset_seconds());
    EXPECT_NEAR(*r.offset_seconds(), 10.0, 1.0);
    expect_nothing_imported();
}

TEST_F(BadInput, CorruptFlacIsRejectedWithTheOffset) {
    lp::test::make_audio(dir / "hỏng.flac", 20.0);
    corrupt_middle(dir / "hỏng.flac", 4000);
    const auto r = rejection(dir / "hỏng.flac");
    EXPECT_EQ(r.reason(), RejectReason::undecodable);
    ASSERT_TRUE(r.offset_seconds());
    EXPECT_NEAR(*r.offset_seconds(), 10.0, 1.5);
    expect_nothing_imported();
}

TEST_F(BadInput, TruncatedMp3IsRejectedWhereItEnds) {
    lp::test::make_audio(dir / "cụt.mp3", 20.0);
    truncate_half(dir / "cụt.mp3");
    const auto r = rejection(dir / "cụt.mp3");
    EXPECT_EQ(r.reason(), RejectReason::truncated);
    ASSERT_TRUE(r.offset_seconds());
    EXPECT_NEAR(*r.offset_seconds(), 10.0, 1.0);
    expect_nothing_imported();
}

TEST_F(BadInput, TruncatedWavIsRejected) {
    lp::test::make_audio(dir / "cụt.wav", 10.0);
    truncate_half(dir / "cụt.wav");
    const auto r = rejection(dir / "cụt.wav");
    // The PCM decoder refuses the partial last packet before the length check gets a say.
    EXPECT_TRUE(r.reason() == RejectReason::truncated || r.reason() == RejectReason::undecodable) << r.what();
    ASSERT_TRUE(r.offset_seconds());
    EXPECT_NEAR(*r.offset_seconds(), 5.0, 0.2);
    expect_nothing_imported();
}

TEST_F(BadInput, GoodFileAfterBadOnesImportsCleanly) {
    std::ofstream(dir / "x.mp3") << "rác";
    rejection(dir / "x.mp3");
    lp::test::make_audio(dir / "tốt.mp3", 1.0);
    lp::library::Importer importer(db, media);
    const auto r = importer.import({.file = dir / "tốt.mp3"});
    EXPECT_FALSE(r.duplicate);
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(media)) files.push_back(e.path().filename());
    ASSERT_EQ(files.size(), 1u) << "only the managed copy, no temporary leftovers";
    EXPECT_EQ(files[0], *r.item.sha256 + ".mp3");
}

}  // namespace
