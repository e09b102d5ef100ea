// The hash chain: every closed row sealed in order; tampering with the sqlite3 CLI (edit,
// delete, reorder, insert) is found and the row named.
#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "journal/ChainVerifier.hpp"
#include "journal/JournalStore.hpp"
#include "journal/Seal.hpp"
#include "journal/Sha256.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace std::chrono_literals;
using lp::journal::ChainBreak;
using lp::journal::Status;
using lp::test::run_command;
using lp::test::shell_quote;

TEST(Sha256, KnownVectors) {
    EXPECT_EQ(lp::journal::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(lp::journal::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Seal, CanonicalEncodingIsUnambiguousAndCoversEveryField) {
    lp::journal::JournalRow r;
    r.id = 4;
    r.seal_version = lp::journal::current_seal_version;
    r.plan.title = "a,b";
    r.plan.topics = {"m"};
    const auto base = lp::journal::canonical(r, 1);
    auto moved = r;
    moved.plan.title = "a";
    moved.plan.topics = {",bm"};  // the same bytes shifted between fields must not collide
    EXPECT_NE(lp::journal::canonical(moved, 1), base);
    EXPECT_NE(lp::journal::canonical(r, 2), base);
    auto other = r;
    other.media_sha256 = "00";
    EXPECT_NE(lp::journal::canonical(other, 1), base);
    other = r;
    other.manual_by = "Lan";
    EXPECT_NE(lp::journal::canonical(other, 1), base);
    EXPECT_NE(lp::journal::seal_of(lp::journal::genesis_seal, r, 1), lp::journal::seal_of(std::string(64, '1'), r, 1));
}

TEST(Seal, VersionTwoCoversTheLatenessTheTopicsAndTheDetailVersionOneDidNot) {
    lp::journal::JournalRow r;
    r.id = 4;
    r.plan.topics = {"k", "m"};
    for (const int version : {1, 2}) {
        r.seal_version = version;
        const auto base = lp::journal::canonical(r, 1);
        auto other = r;
        other.start_lateness = std::chrono::microseconds{3'004'800};
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 2);
        other = r;
        other.detail = "/m/a.mp3: No such file or directory";
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 2);
        other = r;
        other.plan.topics = {"k"};
        EXPECT_NE(lp::journal::canonical(other, 1), base);
    }
    auto v1 = r;
    v1.seal_version = 1;
    r.seal_version = 2;
    EXPECT_NE(lp::journal::canonical(v1, 1), lp::journal::canonical(r, 1));  // the tag tells them apart
    r.seal_version = 5;
    EXPECT_THROW(lp::journal::canonical(r, 1), std::invalid_argument);
}

TEST(Seal, VersionThreeCoversWhoOrderedAndWhoApprovedTheOneOff) {
    lp::journal::JournalRow r;
    r.id = 5;
    r.ordered_by = "lan";
    r.approved_by = "minh";
    for (const int version : {2, 3}) {
        r.seal_version = version;
        const auto base = lp::journal::canonical(r, 1);
        auto other = r;
        other.ordered_by = "hoa";
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 3);
        other = r;
        other.approved_by.clear();
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 3);
        other = r;
        std::swap(other.ordered_by, other.approved_by);  // length-prefixed: the two never blur
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 3);
    }
}

TEST(Seal, VersionFourCoversTheClockAndTheArchivePositionVersionThreeDidNot) {
    lp::journal::JournalRow r;
    r.id = 6;
    r.start_evidence = {true, "2026-03-05.mp3", std::chrono::milliseconds{61'250}};
    for (const int version : {3, 4}) {
        r.seal_version = version;
        const auto base = lp::journal::canonical(r, 1);
        auto other = r;
        other.start_evidence.clock_synced = false;
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 4);
        other.start_evidence.clock_synced.reset();  // unknown is neither synchronised nor not
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 4);
        other = r;
        other.start_evidence.archive_file = "2026-03-06.mp3";
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 4);
        other = r;
        other.start_evidence.archive_offset = std::chrono::milliseconds{61'251};
        EXPECT_EQ(lp::journal::canonical(other, 1) != base, version == 4);
    }
    EXPECT_EQ(lp::journal::current_seal_version, 4);
}

class ChainTest : public ::testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path file = dir / "j.db";
    lp::sqlite::Database db = lp::db::open_store(file);
    lp::journal::JournalStore journal{db};
    const lp::journal::TimePoint t0 = lp::domain::from_utc_text("2026-03-02T22:30:00.000Z");

    // Five closed rows (ids 1..5) and one still airing (id 6).
    void SetUp() override {
        lp::library::ItemStore items(db);
        const auto a = items.upsert({"/m/a.mp3", "Dịch vụ công trực tuyến", "m", "tin"});
        db.exec("UPDATE media_item SET sha256 = '" + std::string(64, 'a') + "' WHERE id = 1");
        for (int i = 0; i < 4; ++i) {
            const auto at = t0 + std::chrono::hours(i);
            const auto id =
                journal.begin({at, a, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Sáng"}, at, {"loa"});
            journal.finish(id, at + 60s, 60s, Status::completed, "");
        }
        journal.record_failure({t0 + 5h, a, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Sáng"}, t0 + 5h,
                               "gone");
        journal.begin({t0 + 6h, a, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Sáng"}, t0 + 6h, {"loa"});
    }

    void sql(const std::string& statements) {
        const auto r = run_command("sqlite3 " + shell_quote(file.string()) + " " + shell_quote(statements));
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    // A tamperer who knows SQL removes the guards first.
    void tamper(const std::string& statements) {
        sql("DROP TRIGGER journal_sealed_rows_are_final; DROP TRIGGER journal_rows_are_never_deleted; " + statements);
    }
    lp::journal::ChainReport verify() { return lp::journal::verify_chain(db); }
};

TEST_F(ChainTest, ClosedRowsAreSealedInOrderAndTheChainVerifies) {
    EXPECT_EQ(journal.row(1).chain_seq, 1);
    EXPECT_EQ(journal.row(5).chain_seq, 5);
    EXPECT_EQ(journal.row(1).media_sha256, std::string(64, 'a'));
    EXPECT_FALSE(journal.row(6).chain_seq.has_value());  // still airing
    const auto report = verify();
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 5);
    EXPECT_EQ(report.head.seal, journal.head().seal);
    EXPECT_EQ(report.head.seal, journal.row(5).seal);
    // Closing the open row (here by crash recovery) extends the chain.
    EXPECT_EQ(journal.recover_open_rows(t0 + 7h, lp::domain::zone("Asia/Ho_Chi_Minh")), 1);
    EXPECT_EQ(journal.row(6).chain_seq, 6);
    EXPECT_TRUE(verify().ok());
}

TEST_F(ChainTest, SealedRowsCannotBeChangedOrDeletedThroughSql) {
    const auto edit =
        run_command("sqlite3 " + shell_quote(file.string()) + " \"UPDATE journal SET form = 'bai' WHERE id = 2\"");
    EXPECT_NE(edit.exit_code, 0);
    EXPECT_NE(edit.output.find("sealed row cannot be changed"), std::string::npos) << edit.output;
    const auto del = run_command("sqlite3 " + shell_quote(file.string()) + " \"DELETE FROM journal WHERE id = 2\"");
    EXPECT_NE(del.exit_code, 0);
    EXPECT_TRUE(verify().ok());
}

TEST_F(ChainTest, AnEditedRowIsNamed) {
    tamper("UPDATE journal SET played_ms = 600000 WHERE id = 3;");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::content_mismatch);
    EXPECT_EQ(report.first_break->row_id, 3);
    EXPECT_EQ(report.rows_checked, 2);
}

TEST_F(ChainTest, ARowAiredForAnOrderNamesWhoOrderedAndWhoApprovedItAndAnEditIsNamed) {
    db.exec(
        "INSERT INTO one_off (id, media_item_id, at, priority, created_by, approved_by) "
        "VALUES (9, 1, '2026-03-03T06:00:00.000Z', 'emergency', 'lan', 'minh')");
    lp::journal::AiringPlan plan{t0 + 8h, 1, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Phát khẩn cấp"};
    plan.one_off = 9;
    const auto id = journal.begin(plan, t0 + 8h, {"loa"});
    journal.finish(id, t0 + 8h + 60s, 60s, Status::completed, "");
    const auto row = journal.row(id);
    EXPECT_EQ(row.ordered_by, "lan");
    EXPECT_EQ(row.approved_by, "minh");
    EXPECT_EQ(row.seal_version, lp::journal::current_seal_version);
    // Not aired: the accounts are on that row too.
    const auto skipped = journal.record_not_aired(plan, Status::skipped, t0 + 9h, "x");
    EXPECT_EQ(journal.row(skipped).ordered_by, "lan");
    EXPECT_EQ(journal.row(1).ordered_by, "");  // a slot's row names nobody
    ASSERT_TRUE(verify().ok());
    tamper("UPDATE journal SET approved_by = 'hoa' WHERE id = " + std::to_string(id) + ";");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::content_mismatch);
    EXPECT_EQ(report.first_break->row_id, id);
}

TEST_F(ChainTest, AnEditedFileHashIsNamed) {
    tamper("UPDATE journal SET media_sha256 = '" + std::string(64, 'b') + "' WHERE id = 4;");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, 4);
}

TEST_F(ChainTest, ADeletedRowIsFoundAtTheNextLink) {
    tamper("DELETE FROM journal WHERE id = 2;");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::missing_link);
    EXPECT_EQ(report.first_break->row_id, 3);
    EXPECT_EQ(report.first_break->chain_seq, 2);
}

TEST_F(ChainTest, DeletingTheLastRowsIsFoundAgainstTheHead) {
    tamper("DELETE FROM journal WHERE id >= 4;");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::head_mismatch);
    EXPECT_EQ(report.first_break->chain_seq, 4);
}

TEST_F(ChainTest, ReorderedRowsAreNamed) {
    // Swap the places of rows 2 and 3 in the chain.
    tamper(
        "UPDATE journal SET chain_seq = -1 WHERE id = 2; UPDATE journal SET chain_seq = 2 WHERE id = 3; "
        "UPDATE journal SET chain_seq = 3 WHERE id = 2;");
    auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::content_mismatch);
    EXPECT_EQ(report.first_break->row_id, 3);
}

TEST_F(ChainTest, SwappedContentBetweenRowsIsNamed) {
    tamper(
        "UPDATE journal SET scheduled_at = (SELECT scheduled_at FROM journal WHERE id = 3), "
        "started_at = (SELECT started_at FROM journal WHERE id = 3) WHERE id = 2;");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, 2);
}

TEST_F(ChainTest, AnInsertedRowIsNamed) {
    sql("INSERT INTO journal (scheduled_at, started_at, ended_at, title, topic, form, slot, outputs, played_ms, "
        "status) VALUES ('2026-03-03T01:00:00.000Z', '2026-03-03T01:00:00.000Z', '2026-03-03T01:05:00.000Z', "
        "'Bài chèn thêm', 'a', 'bai', 'Sáng', 'loa', 300000, 'completed');");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::unsealed_row);
    EXPECT_EQ(report.first_break->row_id, 7);
}

TEST_F(ChainTest, AnInsertedRowWithAForgedSealIsNamed) {
    // Squeezed into the chain at position 3, the later rows moved up by one.
    tamper(
        "UPDATE journal SET chain_seq = chain_seq + 100 WHERE chain_seq >= 3; "
        "UPDATE journal SET chain_seq = chain_seq - 99 WHERE chain_seq >= 103; "
        "INSERT INTO journal (scheduled_at, title, topic, form, slot, outputs, status, chain_seq, seal) VALUES "
        "('2026-03-03T01:00:00.000Z', 'Chèn', 'a', 'bai', 'Sáng', '', 'completed', 3, '" +
        std::string(64, 'f') + "');");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::content_mismatch);
    EXPECT_EQ(report.first_break->row_id, 7);
}

TEST_F(ChainTest, ManualEntriesAndCorrectionsAreSealedAndKeepTheOriginal) {
    const auto manual = journal.add_manual(
        {t0 + 8h, 15min, "Đọc trực tiếp: lịch tiếp công dân", "b", "thong_bao", "Đọc trực tiếp", "Nguyễn Thị Lan", ""});
    auto row = journal.row(manual);
    EXPECT_EQ(row.manual_by, "Nguyễn Thị Lan");
    EXPECT_TRUE(row.is_manual());
    EXPECT_EQ(row.played, 15min);
    EXPECT_EQ(row.ordinal, 1);
    EXPECT_EQ(row.ended_at, t0 + 8h + 15min);
    EXPECT_TRUE(row.chain_seq.has_value());

    const auto fix = journal.correct(
        2, {std::nullopt, std::nullopt, std::string("phong_su"), "Trần Văn Minh", "Nhập nhầm hình thức"});
    const auto corrected = journal.row(fix);
    EXPECT_EQ(corrected.corrects, 2);
    EXPECT_EQ(corrected.plan.form, "phong_su");
    EXPECT_EQ(corrected.plan.title, journal.row(2).plan.title);
    EXPECT_EQ(corrected.ordinal, journal.row(2).ordinal);
    EXPECT_EQ(journal.row(2).plan.form, "tin");  // the original stays as it was
    // A correction of the correction still names the original airing.
    EXPECT_EQ(journal
                  .row(journal.correct(
                      fix, {std::nullopt, std::vector<std::string>{"a"}, std::nullopt, "Minh", "Sai nội dung"}))
                  .corrects,
              2);
    EXPECT_TRUE(verify().ok());

    EXPECT_THROW(journal.correct(6, {std::nullopt, std::nullopt, std::string("bai"), "Minh", "x"}),
                 std::invalid_argument);
    EXPECT_THROW(journal.correct(99, {std::nullopt, std::nullopt, std::string("bai"), "Minh", "x"}),
                 std::invalid_argument);
    EXPECT_THROW(journal.correct(2, {std::nullopt, std::nullopt, std::string("phong_su"), "Minh", "x"}),
                 std::invalid_argument);
    EXPECT_THROW(journal.add_manual({t0, 1min, "X", "a", "tin", "", "", ""}), std::invalid_argument);
}

TEST_F(ChainTest, AnEditedStartLatenessIsNamed) {
    // The reports' punctuality line comes from it: version 2 seals it.
    const auto at = t0 + 9h;
    const auto id = journal.begin({at, 1, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Sáng"}, at, {"loa"},
                                  std::chrono::microseconds{3'004'800});
    journal.finish(id, at + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(id).seal_version, lp::journal::current_seal_version);
    ASSERT_TRUE(verify().ok());
    tamper("UPDATE journal SET start_lateness_us = 400 WHERE id = " + std::to_string(id) + ";");
    const auto report = verify();
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.first_break->kind, ChainBreak::Kind::content_mismatch);
    EXPECT_EQ(report.first_break->row_id, id);
}

TEST_F(ChainTest, AnEditedDetailOrTopicListIsNamed) {
    const auto id = journal.record_failure(
        {t0 + 9h, 1, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m", "k"}, "tin", "Sáng"}, t0 + 9h,
        "Không tìm thấy tệp âm thanh", "/m/a.mp3: avformat_open_input() failed: No such file or directory");
    tamper("UPDATE journal SET topic = 'm,k,a' WHERE id = " + std::to_string(id) + ";");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, id);
    sql("UPDATE journal SET topic = 'm,k', detail = 'x' WHERE id = " + std::to_string(id) + ";");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, id);
}

TEST_F(ChainTest, DowngradingARowToVersionOneDoesNotHideAnEdit) {
    tamper("UPDATE journal SET seal_version = NULL WHERE id = 3;");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, 3);
    sql("UPDATE journal SET seal_version = 7 WHERE id = 3;");
    EXPECT_EQ(verify().first_break->row_id, 3);
}

// A database sealed before version 2 (schema 8): two rows whose seals were made by the version 1
// code (the values below), a third sealed after the upgrade. The chain verifies across both.
TEST(ChainUpgrade, RowsSealedAsVersionOneStillVerifyAndNewRowsAreVersionTwo) {
    lp::test::TempDir dir;
    const std::string s1 = "cd60fbcd760aee97a0d49f4067c8ad420157bbf872e81fa53e534d366c481773";
    const std::string s2 = "87580c1f540ee5be5c0f1cbb53d3eca288f1d8c78a8e4c982181ab4a34ca7ee3";
    {
        lp::sqlite::Database old(dir / "old.db");
        lp::db::migrate(old, 8);
        old.exec(
            "INSERT INTO journal (id, scheduled_at, started_at, ended_at, file, title, topic, form, slot, outputs, "
            "played_ms, ordinal, status, reason, chain_seq, seal, start_lateness_us) VALUES "
            "(1, '2026-01-05T22:30:00.000Z', '2026-01-05T22:30:00.004Z', '2026-01-05T22:33:05.000Z', "
            "'/srv/media/a.mp3', 'Dịch vụ công trực tuyến', 'm', 'tin', 'Bản tin sáng', 'loa', 184996, 1, "
            "'completed', NULL, 1, '" +
            s1 +
            "', 4000), "
            "(2, '2026-01-06T10:00:00.000Z', NULL, '2026-01-06T10:00:00.100Z', '/srv/media/x.mp3', 'Tin hỏng', "
            "'b', 'thong_bao', 'Bản tin chiều', '', 0, NULL, 'failed', 'Không tìm thấy tệp âm thanh', 2, '" +
            s2 +
            "', NULL);"
            "INSERT INTO journal_head (id, chain_seq, seal) VALUES (1, 2, '" +
            s2 + "');");
    }
    auto db = lp::db::open_store(dir / "old.db");
    EXPECT_EQ(lp::db::schema_version(db), lp::db::latest_schema_version());
    lp::journal::JournalStore journal(db);
    EXPECT_EQ(journal.row(1).seal_version, 1);
    auto report = lp::journal::verify_chain(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 2);

    const auto at = lp::domain::from_utc_text("2026-01-07T22:30:00.000Z");
    const auto id = journal.begin(
        {at, std::nullopt, "/srv/media/a.mp3", "Dịch vụ công trực tuyến", {"m", "k"}, "tin", "Bản tin sáng"}, at,
        {"loa"}, std::chrono::microseconds{700});
    journal.finish(id, at + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(id).seal_version, lp::journal::current_seal_version);
    report = lp::journal::verify_chain(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 3);
    EXPECT_EQ(report.head.seal, journal.head().seal);
}

TEST_F(ChainTest, TheClockStateAndTheArchivePositionAreKeptSealedAndAnEditIsNamed) {
    const auto at = t0 + 10h;
    const lp::journal::StartEvidence evidence{false, "2026-03-03.mp3", std::chrono::milliseconds{1'234'567}};
    const auto id = journal.begin({at, 1, "/m/a.mp3", "Dịch vụ công trực tuyến", {"m"}, "tin", "Sáng"}, at, {"loa"},
                                  std::nullopt, std::nullopt, evidence);
    journal.finish(id, at + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(id).start_evidence, evidence);
    EXPECT_EQ(journal.row(1).start_evidence, lp::journal::StartEvidence{});  // none known: all NULL
    // A correction re-describes the same airing: it keeps where the airing is in the recording.
    const auto fix = journal.correct(id, {"Dịch vụ công", std::nullopt, std::nullopt, "lan", "tên sai"});
    EXPECT_EQ(journal.row(fix).start_evidence, evidence);
    ASSERT_TRUE(verify().ok());
    tamper("UPDATE journal SET archive_offset_ms = 1000 WHERE id = " + std::to_string(id) + ";");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, id);
    sql("UPDATE journal SET archive_offset_ms = 1234567, clock_synced = 1 WHERE id = " + std::to_string(id) + ";");
    ASSERT_FALSE(verify().ok());
    EXPECT_EQ(verify().first_break->row_id, id);
}

// Rows sealed with version 3 (before the start evidence) verify next to version 4 rows.
TEST(ChainUpgrade, RowsSealedAsVersionThreeStillVerifyBesideVersionFour) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "j.db");
    lp::journal::JournalRow v3;
    v3.id = 1;
    v3.seal_version = 3;
    v3.plan.scheduled_at = lp::domain::from_utc_text("2026-01-05T22:30:00.000Z");
    v3.started_at = v3.plan.scheduled_at;
    v3.ended_at = *v3.started_at + 60s;
    v3.plan.title = "Tin cũ";
    v3.plan.topics = {"m"};
    v3.plan.form = "tin";
    v3.plan.slot = "Sáng";
    v3.outputs = {"loa"};
    v3.played = 60s;
    v3.ordinal = 1;
    v3.status = Status::completed;
    const auto seal = lp::journal::seal_of(lp::journal::genesis_seal, v3, 1);
    db.exec(
        "INSERT INTO journal (id, scheduled_at, started_at, ended_at, file, title, topic, form, slot, outputs, "
        "played_ms, ordinal, status, chain_seq, seal, seal_version) VALUES (1, '2026-01-05T22:30:00.000Z', "
        "'2026-01-05T22:30:00.000Z', '2026-01-05T22:31:00.000Z', '', 'Tin cũ', 'm', 'tin', 'Sáng', 'loa', 60000, 1, "
        "'completed', 1, '" +
        seal + "', 3); INSERT INTO journal_head (id, chain_seq, seal) VALUES (1, 1, '" + seal + "');");
    lp::journal::JournalStore journal(db);
    const auto at = lp::domain::from_utc_text("2026-01-06T22:30:00.000Z");
    const auto id = journal.begin({at, std::nullopt, "", "Tin mới", {"m"}, "tin", "Sáng"}, at, {"loa"}, std::nullopt,
                                  std::nullopt, {true, "2026-01-07.mp3", std::chrono::milliseconds{5000}});
    journal.finish(id, at + 60s, 60s, Status::completed, "");
    EXPECT_EQ(journal.row(1).seal_version, 3);
    EXPECT_EQ(journal.row(id).seal_version, 4);
    const auto report = lp::journal::verify_chain(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 2);
}

TEST(ChainUpgrade, RowsClosedBeforeTheChainAreSealedAtTheNextStart) {
    lp::test::TempDir dir;
    {
        lp::sqlite::Database old(dir / "old.db");
        lp::db::migrate(old, 2);
        old.exec(
            "INSERT INTO journal (scheduled_at, started_at, ended_at, title, topic, form, slot, outputs, played_ms, "
            "ordinal, status) VALUES ('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', "
            "'2026-01-01T00:01:00.000Z', 'Tin cũ', 'm', 'tin', 'Sáng', 'loa', 60000, 1, 'completed'), "
            "('2026-01-01T01:00:00.000Z', '2026-01-01T01:00:00.000Z', NULL, 'Đang phát', 'm', 'tin', 'Sáng', "
            "'loa', 2000, 2, 'playing')");
    }
    auto db = lp::db::open_store(dir / "old.db");
    EXPECT_TRUE(lp::journal::verify_chain(db).ok());  // not a break: they predate the chain
    lp::journal::JournalStore journal(db);
    EXPECT_EQ(journal.recover_open_rows(lp::domain::from_utc_text("2026-01-02T00:00:00.000Z"),
                                        lp::domain::zone("Asia/Ho_Chi_Minh")),
              1);
    EXPECT_EQ(journal.row(1).chain_seq, 1);
    EXPECT_EQ(journal.row(2).chain_seq, 2);
    EXPECT_EQ(journal.row(2).status, Status::interrupted);
    const auto report = lp::journal::verify_chain(db);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.rows_checked, 2);
}

}  // namespace
