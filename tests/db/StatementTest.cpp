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

}  // namespace
