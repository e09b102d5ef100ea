// Archive retention (issue 12 point 5): day files older than keep_days are deleted at the first
// open and when the local day changes; below the free-space floor the archive drops what it is
// given (the other outputs are not told) and records again when space returns.
#include <gtest/gtest.h>

#include "tests/audio/ArchiveSpec.hpp"

#include <sys/mount.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <set>

#include "audio/output/ArchiveOutput.hpp"
#include "audio/output/MuxerOutput.hpp"
#include "tests/support/TempDir.hpp"

using namespace lp::audio;
using namespace lp::audio::output;
using namespace std::chrono_literals;
using lp::test::TempDir;
using Clock = std::chrono::system_clock;

namespace {

date::year_month_day ymd(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }

void touch(const std::filesystem::path& p, std::size_t bytes = 10) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream{p} << std::string(bytes, 'x');
}

std::set<std::string> names(const std::filesystem::path& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator{dir}) out.insert(e.path().filename().string());
    return out;
}

Clock::time_point utc(int y, unsigned m, unsigned d, int hour) {
    return date::sys_days{ymd(y, m, d)} + std::chrono::hours{hour};
}

using lp::audio::test::archive_spec;

// The archive's muxer alone (make_output would wrap it in an ArchiveOutput already).
std::unique_ptr<Output> muxer(const OutputSpec& spec) { return std::make_unique<MuxerOutput>(spec); }

std::vector<Sample> one_second() {
    std::vector<Sample> pcm(48000 * 2);
    for (std::size_t i = 0; i < pcm.size(); ++i) pcm[i] = static_cast<Sample>((i / 2 % 100) * 100);
    return pcm;
}

}  // namespace

TEST(ArchiveRetention, DayOfAFileName) {
    EXPECT_EQ(archive_day("/a/2026-11-29.mp3"), ymd(2026, 11, 29));
    EXPECT_FALSE(archive_day("/a/2026-11-29.wav"));
    EXPECT_FALSE(archive_day("/a/2026-13-01.mp3"));
    EXPECT_FALSE(archive_day("/a/notes.mp3"));
    EXPECT_FALSE(archive_day("/a/2026-11-29-copy.mp3"));
}

TEST(ArchiveRetention, KeepsTheLastNDaysTodayIncluded) {
    const auto today = ymd(2026, 12, 1);
    EXPECT_FALSE(too_old(today, today, 1));
    EXPECT_TRUE(too_old(ymd(2026, 11, 30), today, 1));
    EXPECT_FALSE(too_old(ymd(2025, 10, 28), today, 400));  // 399 days before: the 400th day kept
    EXPECT_TRUE(too_old(ymd(2025, 10, 27), today, 400));
}

TEST(ArchiveRetention, PruneDeletesOnlyOldDayFiles) {
    TempDir dir;
    const auto folder = dir / "archive";
    for (const char* name :
         {"2026-11-28.mp3", "2026-11-29.mp3", "2026-11-30.mp3", "2026-12-01.mp3", "notes.txt", "2020-01-01.wav"})
        touch(folder / name);
    const auto deleted = prune_archive(folder, ymd(2026, 12, 1), 3);
    ASSERT_EQ(deleted.size(), 1u);
    EXPECT_EQ(deleted[0].filename(), "2026-11-28.mp3");
    EXPECT_EQ(names(folder), (std::set<std::string>{"2026-11-29.mp3", "2026-11-30.mp3", "2026-12-01.mp3", "notes.txt",
                                                    "2020-01-01.wav"}));
    const auto stats = measure_archive(folder);
    EXPECT_EQ(stats.days_kept, 3);
    EXPECT_EQ(stats.bytes, 30u);
    EXPECT_TRUE(prune_archive(dir / "missing", ymd(2026, 12, 1), 3).empty());
}

TEST(ArchiveRetention, OutputPrunesAtFirstOpenAndWhenTheDayChanges) {
    TempDir dir;
    const auto folder = dir / "archive";
    for (const char* name : {"2026-11-27.mp3", "2026-11-28.mp3", "2026-11-29.mp3"}) touch(folder / name);
    auto now = utc(2026, 11, 30, 1);  // 08:00 in Vietnam
    ArchiveOutput out{muxer(archive_spec(folder, 2, 0)),
                      [](const std::filesystem::path&) -> std::uint64_t { return UINT64_MAX; }, [&] { return now; }};
    out.set_airing_start(now);
    out.open();
    out.write(one_second());
    out.close();
    EXPECT_EQ(names(folder), (std::set<std::string>{"2026-11-29.mp3", "2026-11-30.mp3"}));
    now = utc(2026, 11, 30, 18);  // 01:00 on 01/12 in Vietnam: a new day
    out.set_airing_start(now);
    out.open();
    out.close();
    EXPECT_EQ(names(folder), (std::set<std::string>{"2026-11-30.mp3", "2026-12-01.mp3"}));
    const auto board = archive_stats();
    const auto mine = std::find_if(board.begin(), board.end(), [](auto& e) { return e.first == "luu"; });
    ASSERT_NE(mine, board.end());
    EXPECT_EQ(mine->second.days_kept, 2);
    EXPECT_GT(mine->second.bytes, 0u);
    EXPECT_FALSE(mine->second.paused);
}

TEST(ArchiveRetention, BelowTheFloorWritesAreDroppedAndResume) {
    TempDir dir;
    const auto folder = dir / "archive";
    std::filesystem::create_directories(folder);
    std::uint64_t free = 10'000;
    auto now = utc(2026, 11, 30, 1);
    ArchiveOutput out{muxer(archive_spec(folder, 400, 1'000)), [&](const std::filesystem::path&) { return free; },
                      [&] { return now; }};
    out.set_airing_start(now);
    out.open();
    const auto file = folder / "2026-11-30.mp3";
    out.write(one_second());
    free = 10;  // the disk fills
    now += 6s;  // the next check
    out.write(one_second());
    EXPECT_TRUE(out.stats().paused);
    EXPECT_TRUE(out.is_open());  // the player sees a working output
    const auto size_paused = std::filesystem::file_size(file);
    for (int i = 0; i < 3; ++i) {
        now += 1s;
        out.write(one_second());
    }
    EXPECT_EQ(std::filesystem::file_size(file), size_paused);  // nothing recorded while paused
    free = 10'000;
    now += 6s;
    out.write(one_second());
    out.write(one_second());
    out.close();
    EXPECT_FALSE(out.stats().paused);
    EXPECT_GT(std::filesystem::file_size(file), size_paused + 64000 / 8);  // two more seconds appended
}

TEST(ArchiveRetention, FloorOnARealSmallFileSystem) {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to mount a tmpfs";
    TempDir dir;
    const auto mount_point = dir / "small";
    std::filesystem::create_directories(mount_point);
    if (mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=4m") != 0)
        GTEST_SKIP() << "mount -t tmpfs refused: " << std::strerror(errno);
    struct Unmount {
        std::filesystem::path p;
        ~Unmount() { umount2(p.c_str(), MNT_DETACH); }
    } unmount{mount_point};
    const auto folder = mount_point / "archive";
    std::filesystem::create_directories(folder);
    // A floor of 3 MiB on a 4 MiB file system: filling it past 1 MiB pauses the archive.
    // The real statvfs, a clock that moves 6 s per write so that every write asks it.
    auto now = Clock::now();
    ArchiveOutput out{muxer(archive_spec(folder, 400, 3 * 1024 * 1024)), free_bytes, [&] { return now += 6s; }};
    out.set_airing_start(now);
    out.open();
    out.write(one_second());
    EXPECT_FALSE(out.stats().paused);
    touch(mount_point / "filler", 2 * 1024 * 1024);
    out.write(one_second());
    EXPECT_TRUE(out.stats().paused);
    const auto size_paused = measure_archive(folder).bytes;
    out.write(one_second());
    std::filesystem::remove(mount_point / "filler");
    out.write(one_second());
    EXPECT_FALSE(out.stats().paused);
    out.close();
    EXPECT_GT(measure_archive(folder).bytes, size_paused);
}
