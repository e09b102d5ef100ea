// The journal tells the scheduler when each item aired: originals that reached listeners, never
// corrections, failures or rows before the window.
#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/AiringHistory.hpp"
#include "journal/JournalStore.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;

TEST(AiringHistory, CountsOriginalAiringsThatReachedListenersSinceTheWindowStart) {
    lp::test::TempDir dir;
    const auto t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    {
        auto db = lp::db::open_store(dir / "h.db");
        lp::library::ItemStore items(db);
        const auto a = items.upsert({"/m/a.mp3", "A", "a", "tin"});
        const auto b = items.upsert({"/m/b.mp3", "B", "b", "tin"});
        lp::journal::JournalStore journal(db);
        const auto plan = [&](std::int64_t item, lp::journal::TimePoint at) {
            return lp::journal::AiringPlan{at, item, "/m/x.mp3", "X", {"a"}, "tin", "Sáng"};
        };
        const auto old = journal.begin(plan(a, t0 - 48h), t0 - 48h, {"loa"});
        journal.finish(old, t0 - 48h + 60s, 60s, Status::completed, "");
        const auto aired = journal.begin(plan(a, t0), t0, {"loa"});
        journal.finish(aired, t0 + 60s, 60s, Status::completed, "");
        journal.correct(aired, {std::string("A (bản đúng)"), std::nullopt, std::nullopt, "Lan", "Sai tên"});
        const auto cut = journal.begin(plan(b, t0 + 2h), t0 + 2h, {"loa"});
        journal.finish(cut, t0 + 2h + 5s, 5s, Status::interrupted, "");
        journal.record_failure(plan(a, t0 + 1h), t0 + 1h, "missing");
        journal.record_not_aired(plan(b, t0 + 3h), Status::skipped, t0 + 3h, "chưa được duyệt");
    }
    auto db = lp::db::open_store(dir / "h.db");  // after a restart, as the daemon reads it
    const auto times = lp::journal::airing_times_since(db, t0 - 24h);
    ASSERT_EQ(times.size(), 2u);
    EXPECT_EQ(times.at(1), (std::vector{t0}));  // the correction is not a second airing
    EXPECT_EQ(times.at(2), (std::vector{t0 + 2h}));
}

}  // namespace
