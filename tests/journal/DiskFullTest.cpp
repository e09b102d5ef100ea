// SQLITE_FULL for real: the database on a small tmpfs filled to the last byte (needs root, or
// CAP_SYS_ADMIN, to mount; skipped otherwise).
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "tests/journal/WriterFixture.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::JournalWriter;
using lp::journal::Status;

// A tmpfs of `size` mounted on `folder` for the object's lifetime.
class TmpfsMount {
public:
    TmpfsMount(const std::filesystem::path& folder, const char* size) : folder_(folder) {
        const std::string options = std::string("size=") + size;
        if (::mount("tmpfs", folder.c_str(), "tmpfs", 0, options.c_str()) != 0) error_ = std::strerror(errno);
    }
    ~TmpfsMount() {
        if (error_.empty()) ::umount2(folder_.c_str(), MNT_DETACH);
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;
    const std::string& error() const { return error_; }

private:
    std::filesystem::path folder_;
    std::string error_;
};

class DiskFullTest : public ::testing::Test {
protected:
    using Clock = JournalWriter::Clock;
    lp::test::TempDir dir;
    std::filesystem::path disk = dir / "disk";
    std::unique_ptr<TmpfsMount> mount;
    std::unique_ptr<lp::sqlite::Database> db;
    std::unique_ptr<lp::journal::JournalStore> journal;
    lp::test::LogCapture log;
    Clock::time_point now{};
    const lp::journal::TimePoint t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");

    void SetUp() override {
        std::filesystem::create_directories(disk);
        mount = std::make_unique<TmpfsMount>(disk, "2m");
        if (!mount->error().empty())
            GTEST_SKIP() << "cannot mount a tmpfs on " << disk << " (" << mount->error()
                         << "): run as root to fill a disk for real";
        db = std::make_unique<lp::sqlite::Database>(lp::db::open_store(disk / "j.db"));
        journal = std::make_unique<lp::journal::JournalStore>(*db);
    }
    void TearDown() override {
        journal.reset();
        db.reset();  // closed before the unmount
        mount.reset();
    }

    lp::journal::WriterOptions options() {
        lp::journal::WriterOptions o;
        o.now = [this] { return now; };
        o.log = log.logger;
        return o;
    }
    lp::journal::AiringPlan plan(const std::string& title) {
        return {t0, std::nullopt, "/m/" + title + ".mp3", title, {"m"}, "tin", "Sáng"};
    }
    // Fills the tmpfs to its last byte.
    void fill() {
        const int fd = ::open((disk / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        ASSERT_GE(fd, 0);
        const std::vector<char> block(64 * 1024, 'x');
        for (std::size_t chunk = block.size(); chunk > 0;) {
            if (::write(fd, block.data(), chunk) < 0) {
                ASSERT_EQ(errno, ENOSPC);
                chunk /= 2;
            }
        }
        ::close(fd);
    }
    void free_space() { std::filesystem::remove(disk / "filler"); }

    // One airing begun before the disk filled, finished after, and a failure journaled.
    void air_while_full(JournalWriter& w) {
        const auto a = w.begin(plan("a"), t0, {"loa"});
        ASSERT_TRUE(w.row_of(a));
        fill();
        EXPECT_NO_THROW(w.progress(a, 10s));
        EXPECT_NO_THROW(w.finish(a, t0 + 20s, 20s, Status::completed, ""));
        EXPECT_NO_THROW(w.record_not_aired(plan("b"), Status::failed, t0 + 21s, "không tìm thấy tệp"));
        const auto c = w.begin(plan("c"), t0 + 22s, {"loa"});
        EXPECT_NO_THROW(w.finish(c, t0 + 30s, 8s, Status::completed, ""));
        EXPECT_EQ(w.waiting(), 5u);
        EXPECT_GE(w.failures(), 1u);
        EXPECT_EQ(log.count("database or disk is full"), 1u) << log.text.str();
        now += 500ms;
        EXPECT_FALSE(w.flush());  // still full
    }
    void expect_landed(JournalWriter& w) {
        free_space();
        now += 1s;
        EXPECT_TRUE(w.flush());
        EXPECT_EQ(w.waiting(), 0u);
        const auto rows = journal->between(t0 - 1h, t0 + 1h);
        ASSERT_EQ(rows.size(), 3u);
        EXPECT_EQ(rows[0].plan.title, "a");
        EXPECT_EQ(rows[0].played, 20s);
        EXPECT_EQ(rows[1].plan.title, "b");
        EXPECT_EQ(rows[2].plan.title, "c");
        EXPECT_EQ(rows[2].status, Status::completed);
        EXPECT_TRUE(lp::journal::verify_chain(*db).ok());
        EXPECT_FALSE(std::filesystem::exists(w.spill_file()));
    }
};

TEST_F(DiskFullTest, WithTheSpillOnAnotherDiskWritesWaitDurablyAndLandOnceThereIsRoom) {
    auto o = options();
    o.spill_file = dir / "j.db.spill";  // beside the tmpfs, on the temp folder's disk
    JournalWriter w(*db, o);
    air_while_full(w);
    EXPECT_EQ(w.unsaved(), 0u);
    EXPECT_TRUE(std::filesystem::exists(w.spill_file()));
    expect_landed(w);
}

TEST_F(DiskFullTest, WithTheSpillOnTheFullDiskWritesWaitInMemoryAndLandOnceThereIsRoom) {
    JournalWriter w(*db, options());
    EXPECT_EQ(w.spill_file(), disk / "j.db.spill");
    air_while_full(w);
    EXPECT_EQ(w.unsaved(), 5u);
    EXPECT_GE(log.count("wait in memory only"), 1u) << log.text.str();
    expect_landed(w);
}

}  // namespace
