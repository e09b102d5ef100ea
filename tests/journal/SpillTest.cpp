// The spill file's pieces on their own: the lines (every write survives a round trip), what a
// file says is still to do, and the file itself (fsync'd appends, a torn last line cut off).
#include <gtest/gtest.h>

#include <fstream>

#include "domain/Time.hpp"
#include "journal/OpCodec.hpp"
#include "journal/SpillBacklog.hpp"
#include "journal/SpillFile.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::SpillDone;
using lp::journal::SpillHead;
using lp::journal::SpillOp;
using lp::journal::Status;
using lp::journal::Ticket;
namespace op = lp::journal::op;

const lp::journal::TimePoint t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");
const lp::journal::AiringPlan plan{
    t0, 7, "/m/cchc.mp3", "Thủ tục \"một cửa\"\nliên thông", {"m", "i"}, "tin", "Sáng", 5, 40000ms, "Phát lại"};

TEST(OpCodec, EveryWriteSurvivesARoundTripOnOneLine) {
    const std::vector<lp::journal::WriteOp> writes{
        op::Begin{
            Ticket{3}, plan, t0 + 12ms, {"loa", "ghi-am"}, 1234us, std::nullopt, {true, "2026-03-03.mp3", 61250ms}},
        op::Begin{Ticket{4}, {t0, std::nullopt, "", "(không còn)", {"other"}, "other", ""}, t0, {}, std::nullopt},
        op::SetOutputs{Ticket{3}, {"loa"}},
        op::Progress{Ticket{3}, 61988ms},
        op::Finish{Ticket{3}, t0 + 62s, 61988ms, Status::interrupted, "cắt bởi phát khẩn cấp", "detail"},
        op::NotAired{plan, Status::failed, t0, "Không tìm thấy tệp", "/m/x.mp3: No such file",
                     lp::journal::PendingKey{"p-1", 2}},
        op::PendingHandOn{"p-1", 1, "p-1/resume1"},
        op::NotAired{plan, Status::failed, t0 + 1h, "không tìm thấy tệp"},
        op::PendingAdd{"p-1", {plan, plan}, {"loa"}},
        op::PendingRemove{"p-1", 1},
        op::MissPending{std::nullopt, t0, "loaphuongd dừng"},
        op::MissPending{"p-1", t0, "dừng"},
        op::KeepLatest{"scheduler.marks", "2026-03-02T22:30:00.000Z|2026-03-02T22:30:00.000Z"},
        op::Live{Ticket{3},
                 {"tiep_song", "http://radio.example/vov1", 300s, 150s, "thong-bao.mp3", {{t0 + 60s, 100s}}}},
        op::Listeners{41, {{"web", 4, 2.0 / 3.0, 5}, {"loa-ip", 0, 0, 1}}},
    };
    for (std::uint64_t seq = 0; seq < writes.size(); ++seq) {
        const auto line = lp::journal::encode(SpillOp{seq + 1, writes[seq]});
        EXPECT_EQ(line.find('\n'), std::string::npos) << line;
        const auto back = lp::journal::decode(line);
        ASSERT_TRUE(std::holds_alternative<SpillOp>(back)) << line;
        EXPECT_EQ(std::get<SpillOp>(back).seq, seq + 1);
        EXPECT_EQ(lp::journal::encode(back), line);
    }
    const auto begin =
        std::get<op::Begin>(std::get<SpillOp>(lp::journal::decode(lp::journal::encode(SpillOp{1, writes[0]}))).op);
    EXPECT_EQ(begin.plan.title, plan.title);
    EXPECT_EQ(begin.plan.media_item_id, 7);
    EXPECT_EQ(begin.started_at, t0 + 12ms);
    EXPECT_EQ(begin.start_lateness, 1234us);
    EXPECT_EQ(begin.evidence, (lp::journal::StartEvidence{true, "2026-03-03.mp3", 61250ms}));
    // A line written before the start evidence existed still loads, with none.
    const auto old_line =
        std::string(R"({"kind":"op","seq":1,"op":"begin","ticket":4,"plan":{"scheduled_at_us":0,"media_item_id":null,)"
                    R"("file":"","title":"x","topics":["a"],"form":"tin","slot":""},"started_at_us":0,"outputs":[],)"
                    R"("start_lateness_us":null,"pending":null})");
    EXPECT_EQ(std::get<op::Begin>(std::get<SpillOp>(lp::journal::decode(old_line)).op).evidence,
              lp::journal::StartEvidence{});
}

TEST(OpCodec, HeadAndDoneLinesRoundTripAndForeignLinesAreRefused) {
    const auto head = lp::journal::encode(SpillHead{{{Ticket{2}, 40}, {Ticket{5}, 41}}, 41});
    EXPECT_EQ(lp::journal::encode(lp::journal::decode(head)), head);
    const auto done = lp::journal::encode(SpillDone{9, std::nullopt});
    EXPECT_EQ(lp::journal::encode(lp::journal::decode(done)), done);
    EXPECT_THROW(lp::journal::decode(R"({"kind":"op","seq":3,"op":"fin)"), std::invalid_argument);
    EXPECT_THROW(lp::journal::decode(R"({"kind":"op","seq":3,"op":"erase"})"), std::invalid_argument);
    EXPECT_THROW(lp::journal::decode(R"({"kind":"head","format":2,"rows":[],"last_row":null})"), std::invalid_argument);
}

TEST(SpillBacklog, WritesUpToTheLastDoneLineAreDoneAndTheirTicketsResolve) {
    const auto backlog = lp::journal::backlog_of({
        SpillHead{{{Ticket{1}, 10}, {Ticket{2}, 11}}, 11},
        SpillOp{5, op::Finish{Ticket{1}, t0, 1s, Status::completed, ""}},
        SpillOp{6, op::Begin{Ticket{3}, plan, t0, {"loa"}, std::nullopt}},
        SpillDone{5, std::nullopt},
        SpillDone{6, 12},
        SpillOp{7, op::Progress{Ticket{3}, 2s}},
        SpillOp{8, op::Finish{Ticket{2}, t0, 1s, Status::completed, ""}},
    });
    ASSERT_EQ(backlog.waiting.size(), 2u);
    EXPECT_EQ(backlog.waiting[0].seq, 7u);
    EXPECT_EQ(backlog.waiting[1].seq, 8u);
    // Ticket 1 finished (gone), 2 from the head, 3 from the done line of its begin.
    EXPECT_EQ(backlog.rows, (std::map<Ticket, std::int64_t>{{Ticket{2}, 11}, {Ticket{3}, 12}}));
    EXPECT_EQ(backlog.last_row, 12);
    EXPECT_EQ(backlog.next_ticket, Ticket{4});
    EXPECT_EQ(backlog.next_seq, 9u);
}

TEST(SpillFile, AppendsAreReadBackAndATornLastLineIsCutOff) {
    lp::test::TempDir dir;
    const auto path = dir / "j.db.spill";
    {
        lp::journal::SpillFile file(path);
        EXPECT_FALSE(file.exists());
        EXPECT_TRUE(file.read().lines.empty());
        file.append("một");
        file.append("two");
    }
    {
        std::ofstream out(path, std::ios::app);
        out << "{\"kind\":\"op\",\"se";  // the power went while this line was being written
    }
    lp::journal::SpillFile file(path);
    const auto contents = file.read();
    EXPECT_EQ(contents.lines, (std::vector<std::string>{"một", "two"}));
    EXPECT_EQ(contents.torn_bytes, 16u);
    file.append("three");  // starts on a clean line
    EXPECT_EQ(lp::journal::SpillFile(path).read().lines, (std::vector<std::string>{"một", "two", "three"}));
    file.remove();
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SpillFile, AnAppendThatCannotBeWrittenThrowsNamingTheFile) {
    lp::test::TempDir dir;
    lp::journal::SpillFile file(dir / "gone" / "j.db.spill");
    try {
        file.append("x");
        FAIL() << "no exception";
    } catch (const std::system_error& e) {
        EXPECT_NE(std::string(e.what()).find("gone/j.db.spill"), std::string::npos) << e.what();
    }
}

}  // namespace
