// Planned airings never vanish and rows say what aired: what the player was given but never
// finished stays pending until it is settled (completed or failed); a stop journals the
// never-started ones missed; an emergency hands the rest (the cut item again) on.

#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/AiringRecorder.hpp"
#include "journal/LiveRecord.hpp"
#include "journal/PendingAirings.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::Status;
namespace ev = lp::audio::event;
using lp::audio::CueResult;
using lp::audio::FailureKind;

std::vector<lp::journal::AiringPlan> three_items(lp::journal::TimePoint at) {
    std::vector<lp::journal::AiringPlan> plans;
    for (int i = 1; i <= 3; ++i) {
        lp::journal::AiringPlan p;
        p.scheduled_at = at;
        p.file = "/m/" + std::to_string(i) + ".mp3";
        p.title = "Tin " + std::to_string(i);
        p.topics = {"a"};
        p.form = "tin";
        p.slot = "Sáng";
        p.length = 20s;
        plans.push_back(p);
    }
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
        : db(lp::db::open_store(file)), journal(db), pending(db), writer(db), recorder(writer) {}
    lp::sqlite::Database db;
    lp::journal::JournalStore journal;
    lp::journal::PendingAirings pending;
    lp::journal::JournalWriter writer;
    lp::journal::AiringRecorder recorder;

    void started(const std::string& p, std::size_t cue, lp::journal::TimePoint at) {
        recorder.record({p, cue, ev::Started{at, {"loa"}}});
    }
    void finished(const std::string& p, std::size_t cue, lp::journal::TimePoint at, std::chrono::microseconds played,
                  CueResult result, lp::audio::Failure failure = {}) {
        recorder.record({p, cue, ev::Finished{at, played, result, std::move(failure)}});
    }
    void done(const std::string& p) { recorder.record({p, 0, ev::ProgrammeDone{}}); }
};

TEST(AiringRecorder, ACrashLeavesTheCutAndUnstartedItemsPendingForTheNextStart) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    {
        Recording before(dir / "j.db");
        before.recorder.expect("Sáng@1", at, three_items(at), {"loa"});
        before.started("Sáng@1", 0, at);
        before.finished("Sáng@1", 0, at + 20s, 20s, CueResult::completed);
        before.started("Sáng@1", 1, at + 20s);
        // SIGKILL here: the recorder and its memory are gone.
    }
    Recording r(dir / "j.db");
    EXPECT_EQ(r.journal.recover_open_rows(at + 2h, lp::domain::zone("Asia/Ho_Chi_Minh")), 1);
    const auto left = r.pending.all();
    ASSERT_EQ(left.size(), 2u);  // the cut item and the one that never started; not the completed one
    EXPECT_EQ(left[0].plan.title, "Tin 2");
    EXPECT_TRUE(left[0].journal_id.has_value());
    EXPECT_EQ(left[0].outputs, std::vector<std::string>{"loa"});
    EXPECT_EQ(left[1].plan.title, "Tin 3");
    EXPECT_FALSE(left[1].journal_id.has_value());
    // Given up: only the never-started one gets a missed row (the cut one has its own).
    EXPECT_EQ(r.recorder.journal_leftovers(at + 2h, "dừng"), 1);
    EXPECT_EQ(rows(r.journal, at),
              (std::vector<std::pair<std::string, Status>>{
                  {"Tin 1", Status::completed}, {"Tin 2", Status::interrupted}, {"Tin 3", Status::missed}}));
    EXPECT_EQ(r.recorder.journal_leftovers(at + 3h, "again"), 0);
}

TEST(AiringRecorder, AnEmergencyCutNamesItsCutterAndHandsTheCutItemOnWithTheRest) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    r.recorder.expect("Sáng@1", at, three_items(at));
    r.started("Sáng@1", 0, at);
    r.recorder.cut_all("Bị cắt bởi phát khẩn cấp số 3");
    r.recorder.handed_on("Sáng@1", 0, "Sáng@1/resume1");
    r.recorder.expect("Sáng@1/resume1", at + 60s, three_items(at), {}, lp::journal::AiringRecorder::Start::resumption);
    r.finished("Sáng@1", 0, at + 900ms, 900ms, CueResult::interrupted);
    r.done("Sáng@1");
    // The resumption airs item 1 again from its start, then the daemon is stopped in item 2.
    r.started("Sáng@1/resume1", 0, at + 60s);
    r.finished("Sáng@1/resume1", 0, at + 80s, 20s, CueResult::completed);
    r.started("Sáng@1/resume1", 1, at + 80s);
    r.finished("Sáng@1/resume1", 1, at + 85s, 5s, CueResult::interrupted);
    r.done("Sáng@1/resume1");

    const auto all = r.journal.between(at - 1h, at + 1h);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].status, Status::interrupted);
    EXPECT_EQ(all[0].reason, "Bị cắt bởi phát khẩn cấp số 3");
    EXPECT_EQ(all[1].plan.title, "Tin 1");
    EXPECT_EQ(all[1].status, Status::completed);
    EXPECT_EQ(all[1].start_lateness, std::nullopt);  // a resumption is not a scheduled start
    EXPECT_EQ(all[2].status, Status::interrupted);
    EXPECT_EQ(all[3].plan.title, "Tin 3");
    EXPECT_EQ(all[3].status, Status::missed);
    EXPECT_TRUE(r.pending.all().empty());
}

TEST(AiringRecorder, TheFirstScheduledItemCarriesHowLateItsFirstSampleLeft) {
    lp::test::TempDir dir;
    const auto slot = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    r.recorder.expect("Sáng@1", slot, three_items(slot));
    r.started("Sáng@1", 0, slot + 1375us);
    r.finished("Sáng@1", 0, slot + 10s, 10s, CueResult::completed);
    r.started("Sáng@1", 1, slot + 10s + 20ms);
    const auto all = r.journal.between(slot - 1h, slot + 1h);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].start_lateness, 1375us);
    EXPECT_EQ(all[1].start_lateness, std::nullopt);  // follows the item before it
}

// A row never says more than what aired: a file that stopped decoding part-way, or ended
// well before its measured length, is an interrupted airing with the seconds heard.
TEST(AiringRecorder, APartialAiringIsInterruptedWithTheSecondsHeardInVietnamese) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    r.recorder.expect("Sáng@1", at, three_items(at));
    r.started("Sáng@1", 0, at);
    r.finished("Sáng@1", 0, at + 16500ms, 16500ms, CueResult::failed,
               {FailureKind::ended_early, "/m/1.mp3: the stream ended after 16.5 s of 20.0 s"});
    r.finished("Sáng@1", 1, at + 16600ms, 0ms, CueResult::failed,
               {FailureKind::file_changed, "/m/2.mp3: SHA-256 abc differs from def recorded at import"});
    r.done("Sáng@1");
    const auto all = r.journal.between(at - 1h, at + 1h);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].status, Status::interrupted);
    EXPECT_EQ(all[0].played, 16500ms);
    EXPECT_EQ(all[0].reason.rfind("Chỉ phát được 16,5 trên 20,0 giây: Tệp âm thanh kết thúc sớm", 0), 0u)
        << all[0].reason;
    EXPECT_EQ(all[1].status, Status::failed);
    EXPECT_EQ(all[1].reason.find("/m/"), std::string::npos) << all[1].reason;  // no path in the reviewer's text
    EXPECT_NE(all[1].reason.find("SHA-256 không khớp"), std::string::npos) << all[1].reason;
    EXPECT_EQ(all[2].status, Status::missed);
    EXPECT_TRUE(r.pending.all().empty());
}

// A 300 s relay of a station that dropped out, recorded as the player reports it.
void record_relay(Recording& r, lp::journal::TimePoint at, const lp::audio::LiveReport& live) {
    lp::journal::AiringPlan plan = three_items(at)[0];
    plan.title = "Thời sự VOV1";
    plan.file = "http://radio.example/vov1";
    plan.length = 300s;
    plan.live_kind = "tiep_song";
    plan.live_source = "http://radio.example/vov1";
    r.recorder.expect("Trưa@1", at, {plan});
    r.started("Trưa@1", 0, at);
    r.recorder.record({"Trưa@1", 0,
                       ev::Finished{at + 300s,
                                    live.relayed,
                                    CueResult::failed,
                                    {FailureKind::source_dropouts, "http://radio.example/vov1: the stream ended"},
                                    live}});
    r.done("Trưa@1");
}

TEST(AiringRecorder, ARelayDownPartOfTheTimeIsAPartialAiringWithItsDropoutsBesideTheSealedRow) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    record_relay(r, at, {300s, 150s, {{at + 60s, 100s}, {at + 250s, 50s}}, "thong-bao.mp3", "ended"});
    const auto all = r.journal.between(at - 1h, at + 1h);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].status, Status::interrupted) << "half the time down is never a completed airing";
    EXPECT_EQ(all[0].played, 150s) << "the fallback's seconds are not relayed seconds";
    EXPECT_EQ(all[0].reason,
              "Chỉ phát được 150,0 trên 300,0 giây: Nguồn tiếp sóng, trực tiếp bị mất tín hiệu giữa chừng; "
              "mất tín hiệu 2 lần, tổng 150,0 giây; phát thay bằng tệp thong-bao.mp3");
    const auto record = lp::journal::load_live(r.db, all[0].id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->kind, "tiep_song");
    EXPECT_EQ(record->source, "http://radio.example/vov1");
    EXPECT_EQ(record->planned, 300s);
    EXPECT_EQ(record->relayed, 150s);
    EXPECT_EQ(record->fallback, "thong-bao.mp3");
    ASSERT_EQ(record->dropouts.size(), 2u);
    EXPECT_EQ(record->dropouts[0].at, at + 60s);
    EXPECT_EQ(record->dropouts[0].length, 100s);
    EXPECT_EQ(record->dropouts[1].length, 50s);
    EXPECT_FALSE(lp::journal::load_live(r.db, all[0].id + 1));
}

// A relay with no fallback file whose dropouts the spoken notice filled: the row names the
// notice, not silence.
TEST(AiringRecorder, ADropoutFilledByTheSpokenNoticeNamesItAsTheFallback) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    Recording r(dir / "j.db");
    record_relay(r, at, {300s, 280s, {{at + 60s, 20s}}, "", "ended", true});
    const auto all = r.journal.between(at - 1h, at + 1h);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_NE(all[0].reason.find("mất tín hiệu 1 lần, tổng 20,0 giây; phát thay bằng thông báo mất tín hiệu"),
              std::string::npos)
        << all[0].reason;
    const auto record = lp::journal::load_live(r.db, all[0].id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->fallback, "thông báo mất tín hiệu");
}

}  // namespace

namespace {

// Each row says whether the clock was synchronised when its airing started (asked then, through
// the injected reader) and where the airing is in the archive's day recording.
TEST(AiringRecorder, EachRowKeepsTheClockStateAndTheArchivePositionAtItsStart) {
    lp::test::TempDir dir;
    const auto at = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
    auto db = lp::db::open_store(dir / "j.db");
    lp::journal::JournalStore journal(db);
    lp::journal::JournalWriter writer(db);
    std::optional<bool> synced = true;
    lp::journal::AiringRecorder recorder(writer, [&] { return synced; });
    recorder.expect("Sáng@1", at, three_items(at), {"loa", "luu"});
    recorder.record(
        {"Sáng@1", 0,
         ev::Started{at, {"loa", "luu"}, lp::audio::RecordingPosition{"/srv/luu/2026-03-03.mp3", 754'000ms}}});
    recorder.record({"Sáng@1", 0, ev::Finished{at + 20s, 20s, CueResult::completed}});
    synced = false;  // the NTP server went away
    recorder.record({"Sáng@1", 1, ev::Started{at + 20s, {"loa"}}});
    recorder.record({"Sáng@1", 1, ev::Finished{at + 40s, 20s, CueResult::completed}});
    synced.reset();  // the kernel could not be asked
    recorder.record({"Sáng@1", 2, ev::Started{at + 40s, {"loa"}}});
    recorder.record({"Sáng@1", 2, ev::Finished{at + 60s, 20s, CueResult::completed}});
    const auto rows = journal.between(at - 1h, at + 1h);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].start_evidence,
              (lp::journal::StartEvidence{true, "2026-03-03.mp3", std::chrono::milliseconds{754'000}}));
    EXPECT_EQ(rows[1].start_evidence, (lp::journal::StartEvidence{false, "", std::nullopt}));
    EXPECT_EQ(rows[2].start_evidence, lp::journal::StartEvidence{});
}

TEST(ClockSync, TheKernelAnswersOnThisMachine) {
    // ntp_adjtime() in read mode needs no privilege: whatever the clock's state, it answers.
    EXPECT_TRUE(lp::journal::system_clock_synced().has_value());
}

}  // namespace
