#include <gtest/gtest.h>

#include "db/sqlite/Database.hpp"
#include "db/sqlite/Error.hpp"
#include "tests/support/TempDir.hpp"

namespace {

TEST(Statement, BindsAndReadsEveryTypeIncludingNulls) {
    lp::test::TempDir dir;
    lp::sqlite::Database db(dir.path() / "t.db");
    db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)");
    db.prepare("INSERT INTO t VALUES (?,?,?,?)")
        .bind(1, std::int64_t{1} << 40)
        .bind(2, 2.5)
        .bind(3, "Đồng hồ")
        .bind(4, std::optional<std::string>{})
        .run();
    auto st = db.prepare("SELECT i, r, s, n FROM t");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), std::int64_t{1} << 40);
    EXPECT_DOUBLE_EQ(st.real(1), 2.5);
    EXPECT_EQ(st.text(2), "Đồng hồ");
    EXPECT_FALSE(st.optional_text(3).has_value());
    EXPECT_FALSE(st.step());
}

TEST(Statement, ErrorsCarrySqlitesOwnMessage) {
    lp::test::TempDir dir;
    lp::sqlite::Database db(dir.path() / "t.db");
    try {
        db.prepare("SELECT * FROM no_such_table");
        FAIL();
    } catch (const lp::sqlite::Error& e) {
        EXPECT_NE(std::string(e.what()).find("no such table: no_such_table"), std::string::npos) << e.what();
    }
}

TEST(Transaction, RollsBackWhenNotCommitted) {
    lp::test::TempDir dir;
    lp::sqlite::Database db(dir.path() / "t.db");
    db.exec("CREATE TABLE t (i INTEGER)");
    {
        lp::sqlite::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    auto st = db.prepare("SELECT count(*) FROM t");
    st.step();
    EXPECT_EQ(st.integer(0), 0);
}

std::int64_t count(lp::sqlite::Database& db) {
    auto st = db.prepare("SELECT count(*) FROM t");
    st.step();
    return st.integer(0);
}

TEST(Transaction, InsideAnotherItIsASavepointThatTheOuterOneDecides) {
    lp::test::TempDir dir;
    lp::sqlite::Database db(dir.path() / "t.db");
    db.exec("CREATE TABLE t (i INTEGER)");
    {
        lp::sqlite::Transaction outer(db);
        {
            lp::sqlite::Transaction kept(db);
            db.exec("INSERT INTO t VALUES (1)");
            kept.commit();
        }
        {
            lp::sqlite::Transaction dropped(db);  // not committed: only its own write goes
            db.exec("INSERT INTO t VALUES (2)");
        }
        EXPECT_EQ(count(db), 1);
    }  // the outer one is not committed: nothing stays
    EXPECT_EQ(count(db), 0);
    {
        lp::sqlite::Transaction outer(db);
        lp::sqlite::Transaction inner(db);
        db.exec("INSERT INTO t VALUES (3)");
        inner.commit();
        outer.commit();
    }
    EXPECT_EQ(count(db), 1);
}

TEST(BusyTimeoutScope, ShortensTheWaitForAnotherConnectionsLockForAScope) {
    using namespace std::chrono_literals;
    lp::test::TempDir dir;
    lp::sqlite::Database db(dir.path() / "t.db");
    db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (i INTEGER)");
    lp::sqlite::Database other(dir.path() / "t.db");
    other.exec("BEGIN IMMEDIATE");
    EXPECT_EQ(db.busy_timeout(), 5000ms);
    {
        lp::sqlite::BusyTimeoutScope scope(db, 20ms);
        EXPECT_EQ(db.busy_timeout(), 20ms);
        const auto start = std::chrono::steady_clock::now();
        try {
            db.exec("INSERT INTO t VALUES (1)");
            FAIL() << "not refused";
        } catch (const lp::sqlite::Error& e) {
            EXPECT_EQ(e.code() & 0xff, 5) << e.what();  // SQLITE_BUSY
        }
        EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
    }
    EXPECT_EQ(db.busy_timeout(), 5000ms);
}

}  // namespace
