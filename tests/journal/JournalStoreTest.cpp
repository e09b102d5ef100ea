#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/JournalStore.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::AiringPlan;
using lp::journal::Status;

class JournalStoreTest : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    lp::sqlite::Database db = lp::db::open_store(dir.path() / "j.db");
    lp::journal::JournalStore journal{db};
    lp::library::ItemStore items{db};
    const lp::journal::TimePoint t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    const date::time_zone* vn = lp::domain::zone("Asia/Ho_Chi_Minh");

    AiringPlan plan(std::int64_t item, lp::journal::TimePoint at) {
        return {at, item, "/m/x.mp3", "Thủ tục hành chính trực tuyến", {"m"}, "tin", "Sáng"};
    }
};

TEST_F(JournalStoreTest, OrdinalCountsEarlierAiringsThatReachedListenersOfTheSameItem) {
    const auto a = items.upsert({"/m/a.mp3", "A", "a", "tin"});
    const auto b = items.upsert({"/m/b.mp3", "B", "b", "bai"});
    const auto r1 = journal.begin(plan(a, t0), t0, {"loa"});
    journal.finish(r1, t0 + 60s, 60s, Status::completed, "");
    journal.record_failure(plan(a, t0 + 1h), t0 + 1h, "x.mp3: No such file or directory");
    const auto r2 = journal.begin(plan(a, t0 + 2h), t0 + 2h, {"loa"});
    journal.finish(r2, t0 + 2h + 5s, 5s, Status::interrupted, "stopped");
    const auto r3 = journal.begin(plan(b, t0 + 3h), t0 + 3h, {"loa"});
    const auto r4 = journal.begin(plan(a, t0 + 4h), t0 + 4h, {"loa", "ghi-am"});

    EXPECT_EQ(journal.row(r1).ordinal, 1);
    EXPECT_EQ(journal.row(r2).ordinal, 2);  // the failed one in between did not air
    EXPECT_EQ(journal.row(r3).ordinal, 1);  // another item counts on its own
    EXPECT_EQ(journal.row(r4).ordinal, 3);  // interrupted airings reached listeners too
    EXPECT_EQ(journal.row(r4).outputs, (std::vector<std::string>{"loa", "ghi-am"}));
}

TEST_F(JournalStoreTest, ACorrectionIsNotAnAiringSoTheNextOrdinalCountsOriginalRowsOnly) {
    const auto a = items.upsert({"/m/a.mp3", "A", "a", "tin"});
    const auto first = journal.begin(plan(a, t0), t0, {"loa"});
    journal.finish(first, t0 + 60s, 60s, Status::completed, "");
    journal.correct(first, {std::string("Thủ tục hành chính trực tuyến (bản đúng)"), std::nullopt, std::nullopt,
                            "Nguyễn Thị Lan", "Sai tên bài"});
    const auto second = journal.begin(plan(a, t0 + 1h), t0 + 1h, {"loa"});
    EXPECT_EQ(journal.row(second).ordinal, 2);

    // Manual rows count by title among manual originals: their corrections do not count either.
    const auto m1 = journal.add_manual(
        {t0 + 2h, 10min, "Đọc trực tiếp: lịch tiếp dân", "b", "thong_bao", "Đọc trực tiếp", "Nguyễn Thị Lan", ""});
    journal.correct(m1, {std::nullopt, std::nullopt, std::string("tin"), "Trần Văn Minh", "Sai hình thức"});
    const auto m2 = journal.add_manual(
        {t0 + 3h, 10min, "Đọc trực tiếp: lịch tiếp dân", "b", "thong_bao", "Đọc trực tiếp", "Nguyễn Thị Lan", ""});
    EXPECT_EQ(journal.row(m2).ordinal, 2);
}

TEST_F(JournalStoreTest, FinishClosesTheRowOnceAndOnlyOnce) {
    const auto id = journal.begin(plan(items.upsert({"/m/a.mp3", "A"}), t0), t0 + 12ms, {"loa"});
    EXPECT_EQ(journal.row(id).status, Status::playing);
    journal.finish(id, t0 + 62s, 61988ms, Status::completed, "");
    const auto row = journal.row(id);
    EXPECT_EQ(row.status, Status::completed);
    EXPECT_EQ(row.played, 61988ms);
    EXPECT_EQ(row.started_at, t0 + 12ms);
    EXPECT_EQ(row.ended_at, t0 + 62s);
    EXPECT_EQ(row.reason, "");
    EXPECT_THROW(journal.finish(id, t0 + 70s, 70s, Status::interrupted, ""), std::logic_error);
    EXPECT_EQ(journal.row(id).status, Status::completed);
}

TEST_F(JournalStoreTest, TheStartLatenessOfAProgrammesFirstItemIsKeptToTheMicrosecond) {
    const auto item = items.upsert({"/m/a.mp3", "A"});
    const auto first = journal.begin(plan(item, t0), t0 + 1ms, {"loa"}, 1234us);
    const auto second = journal.begin(plan(item, t0), t0 + 60s, {"loa"});
    journal.finish(first, t0 + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(first).start_lateness, 1234us);  // after sealing too
    EXPECT_EQ(journal.row(second).start_lateness, std::nullopt);
}

TEST_F(JournalStoreTest, AFailureIsAClosedRowWithItsReasonApartFromItsTechnicalDetailAndNoOrdinal) {
    const auto id =
        journal.record_failure(plan(items.upsert({"/m/a.mp3", "A"}), t0), t0 + 1s, "Không tìm thấy tệp âm thanh",
                               "/m/a.mp3: avformat_open_input() failed: No such file or directory");
    const auto row = journal.row(id);
    EXPECT_EQ(row.status, Status::failed);
    EXPECT_FALSE(row.ordinal.has_value());
    EXPECT_FALSE(row.started_at.has_value());
    EXPECT_EQ(row.reason, "Không tìm thấy tệp âm thanh");
    EXPECT_EQ(row.detail, "/m/a.mp3: avformat_open_input() failed: No such file or directory");
    // A row that was open keeps them apart too.
    const auto cut = journal.begin(plan(1, t0 + 1h), t0 + 1h, {"loa"});
    journal.finish(cut, t0 + 1h + 12s, 12s, Status::failed, "Tệp âm thanh bị hỏng giữa chừng, không giải mã tiếp được",
                   "/m/a.mp3: at 12.480 s: decoding failed: Invalid data found when processing input");
    EXPECT_EQ(journal.row(cut).reason, "Tệp âm thanh bị hỏng giữa chừng, không giải mã tiếp được");
    EXPECT_EQ(journal.row(cut).detail,
              "/m/a.mp3: at 12.480 s: decoding failed: Invalid data found when processing input");
}

TEST_F(JournalStoreTest, EveryTopicOfTheItemReachesTheRow) {
    const auto item = items.upsert({"/m/a.mp3", "A", "k", "bai"});
    auto p = plan(item, t0);
    p.topics = {"k", "m", "a"};
    const auto aired = journal.begin(p, t0, {"loa"});
    journal.finish(aired, t0 + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(aired).plan.topics, (std::vector<std::string>{"k", "m", "a"}));
    EXPECT_EQ(journal.row(journal.record_failure(p, t0 + 1h, "Không phát được")).plan.topics, p.topics);
    p.topics.clear();  // an item without topics counts as "other"
    EXPECT_EQ(journal.row(journal.record_failure(p, t0 + 2h, "Không phát được")).plan.topics,
              (std::vector<std::string>{"other"}));
    // A correction replaces the whole list.
    const auto fix =
        journal.correct(aired, {std::nullopt, std::vector<std::string>{"m"}, std::nullopt, "Lan", "Sai nội dung"});
    EXPECT_EQ(journal.row(fix).plan.topics, (std::vector<std::string>{"m"}));
}

TEST_F(JournalStoreTest, SkippedAndMissedRowsAreClosedWithoutOrdinalAndOnlyThoseStatusesAreAccepted) {
    const auto item = items.upsert({"/m/a.mp3", "A"});
    const auto skipped = journal.record_not_aired(plan(item, t0), Status::skipped, t0, "does not fit the slot");
    const auto missed = journal.record_not_aired(plan(item, t0 + 1h), Status::missed, t0 + 2h, "daemon was down");
    EXPECT_EQ(journal.row(skipped).status, Status::skipped);
    EXPECT_EQ(journal.row(missed).status, Status::missed);
    EXPECT_EQ(journal.row(missed).reason, "daemon was down");
    EXPECT_FALSE(journal.row(missed).ordinal.has_value());
    EXPECT_THROW(journal.record_not_aired(plan(item, t0), Status::completed, t0, ""), std::logic_error);
    // Rows that did not air do not count: the next airing is still the first.
    EXPECT_EQ(journal.row(journal.begin(plan(item, t0 + 3h), t0 + 3h, {"loa"})).ordinal, 1);
}

TEST_F(JournalStoreTest, RowsLeftOpenByACrashBecomeInterruptedAtTheirLastPosition) {
    const auto item = items.upsert({"/m/a.mp3", "A"});
    const auto open = journal.begin(plan(item, t0), t0, {"loa"});
    journal.progress(open, 4000ms);
    journal.progress(open, 6000ms);
    const auto closed = journal.begin(plan(item, t0 + 1h), t0 + 1h, {"loa"});
    journal.finish(closed, t0 + 1h + 10s, 10s, Status::completed, "");

    EXPECT_EQ(journal.recover_open_rows(t0 + 2h, vn), 1);
    const auto row = journal.row(open);
    EXPECT_EQ(row.status, Status::interrupted);
    EXPECT_EQ(row.played, 6000ms);
    EXPECT_EQ(row.ended_at, t0 + 6s);
    // In Vietnamese, the time of recovery local (t0 + 2h is 07:30 on 03/03 in Vietnam).
    EXPECT_EQ(row.reason, "Dịch vụ dừng giữa lúc phát (sự cố hoặc mất điện); khôi phục lúc 07:30:00 03/03/2026");
    EXPECT_EQ(journal.row(closed).status, Status::completed);
    EXPECT_EQ(journal.recover_open_rows(t0 + 3h, vn), 0);
}

TEST_F(JournalStoreTest, BetweenSelectsByScheduledTimeHalfOpen) {
    const auto item = items.upsert({"/m/a.mp3", "A"});
    journal.record_failure(plan(item, t0 - 1ms), t0, "before");
    journal.record_failure(plan(item, t0), t0, "first");
    journal.record_failure(plan(item, t0 + 1h), t0, "second");
    journal.record_failure(plan(item, t0 + 2h), t0, "after");
    const auto rows = journal.between(t0, t0 + 2h);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].reason, "first");
    EXPECT_EQ(rows[1].reason, "second");
}

}  // namespace
