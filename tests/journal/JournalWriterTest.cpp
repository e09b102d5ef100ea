// JournalWriter against a real SQLite file: another connection holding the write lock, a
// process killed with writes waiting, a torn spill line, a write that can never apply.
#include <boost/asio/io_context.hpp>

#include <fstream>
#include <functional>

#include "tests/journal/WriterFixture.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::JournalWriter;
using lp::journal::Status;
using lp::journal::Ticket;

class JournalWriterTest : public lp::test::WriterFixture {
protected:
    // A programme of four items as the recorder writes it: planned; the first airs whole (an
    // output rejoins on the way), the second is cut, the third's file is missing, and the
    // fourth never starts (missed when the programme stops). 15 writes; 4 rows.
    using Step = std::function<void(JournalWriter&)>;
    std::vector<Step> programme() {
        auto a = std::make_shared<Ticket>();
        auto b = std::make_shared<Ticket>();
        return {
            [this](JournalWriter& w) {
                w.pending_add("p1", {plan("a"), plan("b"), plan("c"), plan("d")});
            },
            [this, a](JournalWriter& w) { *a = w.begin(plan("a"), t0 + 1s, {"loa"}, 1500us); },
            [](JournalWriter& w) { w.pending_remove("p1", 0); },
            [a](JournalWriter& w) { w.progress(*a, 1s); },
            [a](JournalWriter& w) {
                w.set_outputs(*a, {"loa", "ghi-am"});
            },
            [a](JournalWriter& w) { w.progress(*a, 2s); },
            [this, a](JournalWriter& w) { w.finish(*a, t0 + 4s, 3s, Status::completed, ""); },
            [this, b](JournalWriter& w) { *b = w.begin(plan("b"), t0 + 5s, {"loa"}); },
            [](JournalWriter& w) { w.pending_remove("p1", 1); },
            [b](JournalWriter& w) { w.progress(*b, 1s); },
            [this, b](JournalWriter& w) { w.finish(*b, t0 + 7s, 2s, Status::interrupted, "cắt bởi phát khẩn cấp"); },
            [this](JournalWriter& w) { w.record_not_aired(plan("c"), Status::failed, t0 + 7s, "không tìm thấy tệp"); },
            [](JournalWriter& w) { w.pending_remove("p1", 2); },
            [this](JournalWriter& w) { w.miss_pending("p1", t0 + 8s, "chương trình bị dừng"); },
            [](JournalWriter& w) { w.keep_latest("marks", "t0+8s"); },
        };
    }
    void air(JournalWriter& w) {
        for (auto& step : programme()) step(w);
    }
    std::vector<std::string> applied_marks;
    lp::journal::WriterOptions options() {
        auto o = WriterFixture::options();
        o.latest["marks"] = [this](const std::string& v) { applied_marks.push_back(v); };
        return o;
    }
    std::unique_ptr<JournalWriter> make_writer() { return WriterFixture::make_writer(options()); }

    void expect_programme_rows() {
        const auto r = rows();
        ASSERT_EQ(r.size(), 4u);
        EXPECT_EQ(r[0].plan.title, "a");
        EXPECT_EQ(r[0].status, Status::completed);
        EXPECT_EQ(r[0].played, 3s);
        EXPECT_EQ(r[0].outputs, (std::vector<std::string>{"loa", "ghi-am"}));
        EXPECT_EQ(r[0].start_lateness, 1500us);
        EXPECT_EQ(r[1].plan.title, "b");
        EXPECT_EQ(r[1].status, Status::interrupted);
        EXPECT_EQ(r[1].reason, "cắt bởi phát khẩn cấp");
        EXPECT_EQ(r[2].plan.title, "c");
        EXPECT_EQ(r[2].status, Status::failed);
        EXPECT_EQ(r[3].plan.title, "d");
        EXPECT_EQ(r[3].status, Status::missed);
        EXPECT_LT(r[0].id, r[1].id);
        EXPECT_LT(r[2].id, r[3].id);
        EXPECT_EQ(count("pending_airing"), 0);
        EXPECT_EQ(applied_marks.back(), "t0+8s");
        expect_sealed_and_verified();
    }
};

TEST_F(JournalWriterTest, WritesLandAtOnceWhileTheDatabaseAcceptsThem) {
    auto w = make_writer();
    air(*w);
    EXPECT_EQ(w->waiting(), 0u);
    EXPECT_EQ(w->failures(), 0u);
    EXPECT_FALSE(std::filesystem::exists(w->spill_file()));
    EXPECT_FALSE(w->next_retry());
    expect_programme_rows();
}

TEST_F(JournalWriterTest, ALockedDatabaseStopsNothingAndEveryWriteLandsInOrderOnceItIsReleased) {
    auto o = options();
    o.busy_timeout = 1s;  // the daemon's: what each call would wait if it were tried
    auto w = WriterFixture::make_writer(o);
    lock();
    auto steps = programme();
    Clock::duration first{}, slowest_after{}, total{};
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto start = Clock::now();
        EXPECT_NO_THROW(steps[i](*w));
        const auto took = Clock::now() - start;
        (i == 0 ? first : slowest_after) = std::max(i == 0 ? first : slowest_after, took);
        total += took;
    }
    // Only the first write waited out the busy timeout; the others were not even tried.
    EXPECT_EQ(w->failures(), 1u);
    EXPECT_GE(first, 1s);
    EXPECT_LT(slowest_after, 250ms);  // an fsync'd append, not a busy timeout
    EXPECT_LT(total, 2s);
    EXPECT_EQ(w->waiting(), steps.size());
    EXPECT_EQ(w->unsaved(), 0u);
    EXPECT_TRUE(std::filesystem::exists(w->spill_file()));
    EXPECT_EQ(rows().size(), 0u);
    RecordProperty("first_call_us",
                   std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(first).count()));
    RecordProperty("slowest_later_call_us",
                   std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(slowest_after).count()));

    // Still locked at the retry: refused again, quickly, and nothing lands.
    ASSERT_EQ(w->next_retry(), now + 500ms);
    now += 500ms;
    const auto retry_start = Clock::now();
    EXPECT_FALSE(w->flush());
    EXPECT_LT(Clock::now() - retry_start, 100ms);
    EXPECT_EQ(w->failures(), 2u);
    EXPECT_EQ(w->waiting(), steps.size());

    unlock();
    now += 1s;
    EXPECT_TRUE(w->flush());
    EXPECT_EQ(w->waiting(), 0u);
    EXPECT_FALSE(w->next_retry());
    EXPECT_FALSE(std::filesystem::exists(w->spill_file()));
    expect_programme_rows();
    EXPECT_EQ(applied_marks.size(), 1u);
    // Said once when it began to refuse, once when it took them all (1.5 s of virtual time).
    EXPECT_EQ(log.count("the database refuses journal writes"), 1u) << log.text.str();
    EXPECT_EQ(log.count("database is locked"), 1u) << log.text.str();
    EXPECT_EQ(log.count("15 journal write(s) landed after 1.5 s"), 1u) << log.text.str();

    // And the next write lands at once again.
    w->record_not_aired(plan("e"), Status::skipped, t0 + 9s, "không đủ thời lượng");
    EXPECT_EQ(w->waiting(), 0u);
    EXPECT_EQ(rows().size(), 5u);
}

TEST_F(JournalWriterTest, RetriesBackOffFromHalfASecondDoublingUpToThirtySeconds) {
    auto w = make_writer();
    lock();
    w->pending_remove("p1", 0);
    std::vector<Clock::duration> delays;
    for (int i = 0; i < 9; ++i) {
        ASSERT_TRUE(w->next_retry());
        delays.push_back(*w->next_retry() - now);
        now = *w->next_retry();
        EXPECT_FALSE(w->flush());
    }
    EXPECT_EQ(delays, (std::vector<Clock::duration>{500ms, 1s, 2s, 4s, 8s, 16s, 30s, 30s, 30s}));
    EXPECT_EQ(w->failures(), 10u);
    // 121.5 s of refusals: a warning when it began, then at most one a minute (62 s, 122 s).
    EXPECT_EQ(log.count("[warning]"), 3u) << log.text.str();
    unlock();
    EXPECT_TRUE(w->flush());
    // A new refusal starts again from half a second.
    lock();
    w->pending_remove("p1", 1);
    EXPECT_EQ(w->next_retry(), now + 500ms);
    unlock();
}

TEST_F(JournalWriterTest, WritesLeftByAKilledProcessLandFromTheNextOneEvenPastATornLine) {
    auto w = make_writer();
    // Begun before the database refused: the spill must carry its row for the next process.
    const auto early = w->begin(plan("early"), t0, {"loa"});
    const auto early_row = w->row_of(early);
    ASSERT_TRUE(early_row);
    lock();
    w->progress(early, 10s);
    w->finish(early, t0 + 20s, 20s, Status::completed, "");
    auto steps = programme();
    for (auto& step : steps) step(*w);
    const auto waiting = w->waiting();
    w.reset();  // killed: no flush, no goodbye
    unlock();
    {
        std::ofstream out(dir / "j.db.spill", std::ios::app);
        out << R"({"kind":"op","seq":999,"op":"finish","tic)";  // the power went mid-append
    }

    auto next = make_writer();
    EXPECT_EQ(next->waiting(), waiting);
    EXPECT_EQ(next->next_retry(), now);  // due at once
    EXPECT_TRUE(next->flush());
    EXPECT_FALSE(std::filesystem::exists(next->spill_file()));
    const auto early_now = journal.row(*early_row);
    EXPECT_EQ(early_now.status, Status::completed);
    EXPECT_EQ(early_now.played, 20s);
    // The new process's tickets do not collide with the old one's.
    const auto later = next->begin(plan("later", 1min), t0 + 1min, {"loa"});
    EXPECT_GT(static_cast<std::uint64_t>(later), static_cast<std::uint64_t>(early) + 2);
    next->finish(later, t0 + 2min, 60s, Status::completed, "");
    EXPECT_EQ(journal.recover_open_rows(lp::domain::from_utc_text("2026-03-03T00:00:00.000Z"),
                                        lp::domain::zone("Asia/Ho_Chi_Minh")),
              0);
    const auto r = rows();
    ASSERT_EQ(r.size(), 6u);
    EXPECT_EQ(r[0].plan.title, "early");
    EXPECT_EQ(r[1].plan.title, "a");
    EXPECT_EQ(r[5].plan.title, "later");
    expect_sealed_and_verified();
}

TEST_F(JournalWriterTest, AWriteThatLandedJustBeforeACrashIsNotAppliedTwice) {
    auto w = make_writer();
    lock();
    const auto t = w->begin(plan("a"), t0 + 1s, {"loa"});
    w->finish(t, t0 + 4s, 3s, Status::completed, "");
    w->record_not_aired(plan("c"), Status::failed, t0 + 5s, "không tìm thấy tệp");
    w.reset();
    unlock();
    // The killed process's replay had committed the begin, not yet the line saying so.
    journal.begin(plan("a"), t0 + 1s, {"loa"});

    auto next = make_writer();
    EXPECT_EQ(next->waiting(), 3u);
    EXPECT_TRUE(next->flush());
    const auto r = rows();
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].plan.title, "a");
    EXPECT_EQ(r[0].status, Status::completed);
    EXPECT_EQ(r[1].plan.title, "c");
    EXPECT_EQ(next->given_up(), 0u);
    expect_sealed_and_verified();
}

TEST_F(JournalWriterTest, AWriteThatCanNeverApplyIsGivenUpWithoutStoppingTheOthers) {
    auto w = make_writer();
    const auto t = w->begin(plan("a"), t0, {"loa"});
    w->finish(t, t0 + 3s, 3s, Status::completed, "");
    EXPECT_NO_THROW(w->finish(t, t0 + 4s, 4s, Status::interrupted, ""));  // a second close: a bug
    EXPECT_EQ(w->given_up(), 1u);
    lock();
    const auto u = w->begin(plan("b"), t0 + 5s, {"loa"});
    w->progress(Ticket{12345}, 1s);  // a ticket nobody issued
    w->finish(u, t0 + 8s, 3s, Status::completed, "");
    unlock();
    EXPECT_TRUE(w->flush());
    EXPECT_EQ(w->given_up(), 2u);
    const auto r = rows();
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].status, Status::completed);
    EXPECT_EQ(r[0].played, 3s);
    EXPECT_EQ(r[1].status, Status::completed);
    expect_sealed_and_verified();
}

TEST_F(JournalWriterTest, WithoutAWritableSpillFileWritesWaitInMemoryAndStillLand) {
    auto o = options();
    o.spill_file = dir / "no-such-folder" / "j.db.spill";
    auto w = WriterFixture::make_writer(o);
    lock();
    auto steps = programme();
    for (auto& step : steps) EXPECT_NO_THROW(step(*w));
    EXPECT_EQ(w->waiting(), steps.size());
    EXPECT_EQ(w->unsaved(), steps.size());
    unlock();
    EXPECT_TRUE(w->flush());
    EXPECT_EQ(w->unsaved(), 0u);
    expect_programme_rows();
}

TEST_F(JournalWriterTest, OnlyTheLatestValueOfAKeyIsAppliedAfterARefusal) {
    auto w = make_writer();
    w->keep_latest("marks", "1");
    EXPECT_EQ(applied_marks, (std::vector<std::string>{"1"}));
    lock();
    w->keep_latest("marks", "2");
    w->pending_remove("p1", 0);
    w->keep_latest("marks", "3");
    w->keep_latest("marks", "4");
    EXPECT_EQ(w->waiting(), 2u);
    unlock();
    EXPECT_TRUE(w->flush());
    EXPECT_EQ(applied_marks, (std::vector<std::string>{"1", "4"}));
}

TEST_F(JournalWriterTest, OnALoopRetriesRunByThemselves) {
    boost::asio::io_context io;
    auto o = WriterFixture::options();
    o.now = Clock::now;
    o.loop = &io;
    o.first_retry = 1ms;
    auto w = WriterFixture::make_writer(o);
    lock();
    w->record_not_aired(plan("c"), Status::failed, t0, "không tìm thấy tệp");
    EXPECT_EQ(w->waiting(), 1u);
    unlock();
    EXPECT_EQ(io.run_one_for(5s), 1u);
    EXPECT_EQ(w->waiting(), 0u);
    EXPECT_EQ(rows().size(), 1u);
}

}  // namespace
