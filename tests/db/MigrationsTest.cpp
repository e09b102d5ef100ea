#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "db/Store.hpp"
#include "db/sqlite/Error.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::sqlite::Database;

bool has_column(Database& db, const std::string& table, const std::string& column) {
    auto st = db.prepare("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table).bind(2, column);
    st.step();
    return st.integer(0) == 1;
}

TEST(Migrations, FreshDatabaseIsAtLatestVersionInWalWithFullSync) {
    lp::test::TempDir dir;
    auto db = lp::db::open_store(dir.path() / "sub" / "lp.db");
    EXPECT_EQ(lp::db::schema_version(db), lp::db::latest_schema_version());
    auto mode = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
    auto sync = db.prepare("PRAGMA synchronous");
    ASSERT_TRUE(sync.step());
    EXPECT_EQ(sync.integer(0), 2);
    EXPECT_TRUE(has_column(db, "journal", "file"));
}

TEST(Migrations, UpgradesAVersionOneDatabaseKeepingItsRows) {
    lp::test::TempDir dir;
    const auto file = dir.path() / "old.db";
    {
        Database old(file);
        lp::db::migrate(old, 1);
        ASSERT_EQ(lp::db::schema_version(old), 1);
        EXPECT_FALSE(has_column(old, "journal", "file"));
        old.exec(
            "INSERT INTO media_item (file, title) VALUES ('/m/a.mp3', 'Cải cách hành chính');"
            "INSERT INTO journal (scheduled_at, started_at, media_item_id, title, topic, form, slot, outputs,"
            " played_ms, ordinal, status) VALUES ('2026-01-05T22:30:00.000Z', '2026-01-05T22:30:00.010Z', 1,"
            " 'Cải cách hành chính', 'a', 'tin', 'Sáng', 'loa', 61000, 1, 'completed');");
    }
    auto db = lp::db::open_store(file);
    EXPECT_EQ(lp::db::schema_version(db), lp::db::latest_schema_version());
    EXPECT_TRUE(has_column(db, "journal", "file"));
    auto st = db.prepare("SELECT title, played_ms, file IS NULL FROM journal");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "Cải cách hành chính");
    EXPECT_EQ(st.integer(1), 61000);
    EXPECT_EQ(st.integer(2), 1);
}

TEST(Migrations, RefusesADatabaseNewerThanTheProgram) {
    lp::test::TempDir dir;
    const auto file = dir.path() / "new.db";
    {
        Database db(file);
        db.exec("PRAGMA user_version = 99");
    }
    try {
        lp::db::open_store(file);
        FAIL() << "expected an error";
    } catch (const lp::sqlite::Error& e) {
        EXPECT_NE(std::string(e.what()).find("new.db: schema version 99 is newer"), std::string::npos) << e.what();
    }
}

TEST(Migrations, AFailedMigrationLeavesTheVersionUnchanged) {
    lp::test::TempDir dir;
    const auto file = dir.path() / "clash.db";
    {
        Database db(file);
        lp::db::migrate(db, 1);
        // Something already holds the name migration 2 creates: it must fail as a whole.
        db.exec("CREATE INDEX journal_by_scheduled ON journal(id)");
    }
    EXPECT_THROW(lp::db::open_store(file), lp::sqlite::Error);
    Database db(file);
    EXPECT_EQ(lp::db::schema_version(db), 1);
    EXPECT_FALSE(has_column(db, "journal", "file"));
}

// The first start of the CLI beside the daemon: both find version 0, one migrates under the
// write lock while the other waits for it. The one that waited must find the work done.
struct WaitSignal {
    std::mutex mutex;
    std::condition_variable changed;
    bool waiting = false;
};

int note_waiting_then_retry(void* signal_ptr, int /*attempt*/) {
    auto& signal = *static_cast<WaitSignal*>(signal_ptr);
    {
        std::lock_guard lock(signal.mutex);
        signal.waiting = true;
    }
    signal.changed.notify_all();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // SQLite's own retry pace
    return 1;
}

TEST(Migrations, TwoProcessesMigratingAFreshFileAtOnceBothSucceed) {
    lp::test::TempDir dir;
    const auto file = dir.path() / "first-start.db";
    Database first(file);
    first.exec("PRAGMA journal_mode = WAL");
    first.exec("BEGIN IMMEDIATE");
    lp::db::migrate(first, lp::db::latest_schema_version());  // done, not yet committed

    Database second(file);
    WaitSignal signal;
    sqlite3_busy_handler(second.handle(), note_waiting_then_retry, &signal);
    std::exception_ptr failure;
    std::thread waiter([&] {
        try {
            lp::db::migrate(second, lp::db::latest_schema_version());
        } catch (...) {
            failure = std::current_exception();
        }
    });
    {
        std::unique_lock lock(signal.mutex);
        signal.changed.wait(lock, [&] { return signal.waiting; });  // it read version 0 and waits
    }
    first.exec("COMMIT");
    waiter.join();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            FAIL() << "the second migration failed: " << e.what();
        }
    }
    EXPECT_EQ(lp::db::schema_version(second), lp::db::latest_schema_version());
    EXPECT_TRUE(has_column(second, "journal", "file"));
}

}  // namespace
