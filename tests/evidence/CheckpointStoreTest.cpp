// Checkpoints on a real SQLite file (migration 15) and in the appended text file: recorded,
// read back from both, an edited or foreign line reported rather than dropped; the daily one
// made only when the last is 23 hours old.
#include <gtest/gtest.h>

#include <fstream>

#include "db/Store.hpp"
#include "evidence/CheckpointStore.hpp"
#include "evidence/Evidence.hpp"
#include "tests/export/SampleJournal.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::evidence;
using namespace std::chrono_literals;

TEST(CheckpointStore, RecordsInTheDatabaseAndTheFileAndReadsBothBack) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "j.db");
    lp::test::write_sample_journal(db, {2026, 1, 1}, 3);
    const auto key = make_key_pair();
    const auto file = dir / "second-disk" / "checkpoints.log";
    const auto now = lp::domain::from_utc_text("2026-03-05T03:00:00.000Z");
    const auto c = record_checkpoint(db, key, "manual", now, file);
    const auto head = lp::journal::JournalStore(db).head();
    EXPECT_EQ(c.chain_seq, head.chain_seq);
    EXPECT_EQ(c.seal, head.seal);

    const auto stored = stored_checkpoints(db);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].checkpoint.line(), c.line());
    EXPECT_TRUE(signed_by(stored[0].checkpoint, key.public_hex));
    int malformed = -1;
    auto from_file = file_checkpoints(file, &malformed);
    ASSERT_EQ(from_file.size(), 1u);
    EXPECT_EQ(malformed, 0);
    EXPECT_EQ(from_file[0].source, "tệp checkpoints.log, dòng 1");
    EXPECT_EQ(*last_checkpoint_time(db), now);

    // An edited line in the database and a stray line in the file are reported, not dropped.
    db.exec("UPDATE journal_checkpoint SET line = 'LP-CKPT/1 garbage'");
    const auto edited = stored_checkpoints(db);
    ASSERT_EQ(edited.size(), 1u);
    const auto report = check_against_checkpoints(
        edited, key.public_hex, [](std::int64_t) { return std::nullopt; }, head.chain_seq);
    ASSERT_EQ(report.findings.size(), 1u);
    EXPECT_EQ(report.findings[0].kind, CheckpointFinding::Kind::bad_signature);
    EXPECT_NE(describe(report.findings[0], lp::domain::zone("Asia/Ho_Chi_Minh")).find("không đọc được"),
              std::string::npos);
    std::ofstream(file, std::ios::app) << "not a checkpoint\n";
    from_file = file_checkpoints(file, &malformed);
    EXPECT_EQ(from_file.size(), 1u);
    EXPECT_EQ(malformed, 1);
    EXPECT_TRUE(file_checkpoints(dir / "none.log").empty());
}

TEST(CheckpointStore, TheDailyCheckpointIsMadeOnceADay) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir / "j.db");
    lp::config::Config config;
    config.reports.signing_key = dir / "k" / "signing.key";
    config.reports.checkpoint_file = dir / "checkpoints.log";
    const auto evidence = Evidence::from_config(config);
    EXPECT_EQ(Evidence::from_config(config).key.public_hex, evidence.key.public_hex);  // made once, then read
    const auto t0 = lp::domain::from_utc_text("2026-03-05T18:00:00.000Z");
    EXPECT_TRUE(evidence.daily(db, t0));
    EXPECT_FALSE(evidence.daily(db, t0 + 22h));
    EXPECT_TRUE(evidence.daily(db, t0 + 23h));
    EXPECT_EQ(stored_checkpoints(db).size(), 2u);
}

TEST(CheckpointStore, AKeyFileThatIsNotAKeyIsNamed) {
    lp::test::TempDir dir;
    std::ofstream(dir / "signing.key") << "not a key\n";
    lp::config::Config config;
    config.reports.signing_key = dir / "signing.key";
    try {
        Evidence::from_config(config);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "signing.key").string() + ": not an Ed25519 secret key"),
                  std::string::npos)
            << e.what();
    }
}

}  // namespace
