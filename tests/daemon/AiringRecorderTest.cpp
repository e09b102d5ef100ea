// Planned airings never vanish: what the player was given but never started is journaled
// missed, after a crash as after a stop, unless an emergency handed it on to a resumption.

#include <gtest/gtest.h>

#include "daemon/AiringRecorder.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/PendingAirings.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;

std::vector<lp::journal::AiringPlan> three_items(lp::journal::TimePoint at) {
    std::vector<lp::journal::AiringPlan> plans;
    for (int i = 1; i <= 3; ++i)
        plans.push_back({at, std::nullopt, "/m/" + std::to_string(i) + ".mp3", "Tin " + std::to_string(i), {"a"}, "tin",
                         "Sáng"});
    return plans;
}

std::vector<std::pair<std::string, Status>> rows(lp::journal::JournalStore& journal, lp::journal::TimePoint at) {
    std::vector<std::pair<std::string, Status>> out;
    for (const auto& r : journal.between(at - 1h, at + 1h)) out.emplace_back(r.plan.title, r.status);
    return out;
}

// A recorder on its own journal database, as the daemon wires it; a second one on the same
// file is the daemon after a restart.
struct Recording {
    explicit Recording(const std::filesystem::path& file)
        : db(lp::db::open_store(file)), journal(db), pending(db), recorder(journal, pending) {}
    lp::sqlite::Database db;
    lp::journal::JournalStore journal;
    lp::journal::PendingAirings pending;
    lp::daemon::AiringRecorder recorder;
};

TEST(AiringRecorder, ACrashLeavesTheUnstartedItemsToBeJournaledMissedAtTheNextStart) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    {
        Recording before(dir / "j.db");
        auto& recorder = before.recorder;
        recorder.expect("Sáng@1", at, three_items(at));
        recorder.started("Sáng@1", 0, at, {"loa"});
        recorder.finished("Sáng@1", 0, at + 60s, 60s, lp::audio::CueResult::completed, "");
        recorder.started("Sáng@1", 1, at + 60s, {"loa"});
        // SIGKILL here: the recorder and its memory are gone.
    }
    Recording r(dir / "j.db");
    auto& journal = r.journal;
    auto& recorder = r.recorder;
    EXPECT_EQ(journal.recover_open_rows(at + 2h, lp::domain::zone("Asia/Ho_Chi_Minh")), 1);
    EXPECT_EQ(recorder.journal_leftovers(at + 2h, "dừng giữa chương trình"), 1);
    EXPECT_EQ(rows(journal, at), (std::vector<std::pair<std::string, Status>>{
                                     {"Tin 1", Status::completed}, {"Tin 2", Status::interrupted}, {"Tin 3", Status::missed}}));
    EXPECT_EQ(recorder.journal_leftovers(at + 3h, "again"), 0);
}

TEST(AiringRecorder, ItemsAStopDroppedAreMissedButThoseHandedOnToAResumptionAreNot) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    auto& journal = r.journal;
    auto& recorder = r.recorder;

    // An emergency cuts item 1; items 2 and 3 go on in a resuming programme.
    recorder.expect("Sáng@1", at, three_items(at));
    recorder.started("Sáng@1", 0, at, {"loa"});
    recorder.handed_on("Sáng@1", 1);
    auto rest = three_items(at);
    rest.erase(rest.begin());
    recorder.expect("Sáng@1/resume1", at + 60s, rest);
    recorder.finished("Sáng@1", 0, at + 10s, 10s, lp::audio::CueResult::interrupted, "");
    recorder.done("Sáng@1");
    // The resumption airs item 2, then the daemon is stopped: item 3 never starts.
    recorder.started("Sáng@1/resume1", 0, at + 60s, {"loa"});
    recorder.finished("Sáng@1/resume1", 0, at + 70s, 10s, lp::audio::CueResult::interrupted, "");
    recorder.done("Sáng@1/resume1");

    EXPECT_EQ(rows(journal, at), (std::vector<std::pair<std::string, Status>>{{"Tin 1", Status::interrupted},
                                                                              {"Tin 2", Status::interrupted},
                                                                              {"Tin 3", Status::missed}}));
    EXPECT_EQ(recorder.journal_leftovers(at + 1h, "x"), 0);
}

}  // namespace

namespace {

TEST(AiringRecorder, TheFirstItemCarriesHowLateItsFirstSampleLeftAgainstTheProgrammeStart) {
    lp::test::TempDir dir;
    const auto slot = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    auto& journal = r.journal;
    auto& recorder = r.recorder;
    // A resumption starts later than its slot: its lateness is against its own start.
    const auto start = slot + 90s;
    recorder.expect("Sáng@1/resume1", start, three_items(slot));
    recorder.started("Sáng@1/resume1", 0, start + 1375us, {"loa"});
    recorder.finished("Sáng@1/resume1", 0, start + 10s, 10s, lp::audio::CueResult::completed, "");
    recorder.started("Sáng@1/resume1", 1, start + 10s + 20ms, {"loa"});
    const auto all = journal.between(slot - 1h, slot + 1h);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].start_lateness, 1375us);
    EXPECT_EQ(all[1].start_lateness, std::nullopt);  // follows the item before it
}

}  // namespace
