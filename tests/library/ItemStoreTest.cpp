// The item model and store: several topics, filters, validity, retirement, duplicates, and
// the upgrade of a database that predates the library.

#include <gtest/gtest.h>

#include "db/Store.hpp"
#include "db/sqlite/Error.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/MakeAudio.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::domain::LocalDate;

lp::library::Item item(std::string file, std::string title, std::vector<std::string> topics, std::string form) {
    lp::library::Item i;
    i.file = std::move(file);
    i.title = std::move(title);
    i.topics = std::move(topics);
    i.form = std::move(form);
    return i;
}

std::vector<std::int64_t> ids(const std::vector<lp::library::Item>& items) {
    std::vector<std::int64_t> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

class Store : public testing::Test {
protected:
    lp::test::TempDir dir;
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");
    lp::library::ItemStore store{db};
};

TEST_F(Store, KeepsSeveralTopicsInOrderAndTheFirstAsMain) {
    const auto id = store.insert(item("/m/a.mp3", "A", {"m", "k", "l"}, "tin"));
    const auto got = store.find(id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->topics, (std::vector<std::string>{"m", "k", "l"}));
    auto st = db.prepare("SELECT topic FROM media_item WHERE id = ?");
    st.bind(1, id);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "m") << "the journal copies media_item.topic";
}

TEST_F(Store, FiltersByTopicFormTextAndValidity) {
    auto a = item("/m/a.mp3", "Tuyên truyền cải cách hành chính", {"a", "d"}, "bai");
    a.valid_until = LocalDate{2026, 3, 31};
    auto b = item("/m/b.mp3", "Đường dây nóng 1022", {"m"}, "tin");
    b.valid_from = LocalDate{2026, 4, 1};
    auto c = item("/m/c.mp3", "CAI CACH thu tuc", {"d"}, "tin");
    const auto ia = store.insert(a), ib = store.insert(b), ic = store.insert(c);

    EXPECT_EQ(ids(store.list({.topic = "d"})), (std::vector{ia, ic}));
    EXPECT_EQ(ids(store.list({.form = "tin"})), (std::vector{ib, ic}));
    EXPECT_EQ(ids(store.list({.text = "cai cach"})), (std::vector{ia, ic}));
    EXPECT_EQ(ids(store.list({.text = "đường"})), (std::vector{ib}));
    EXPECT_EQ(ids(store.list({.valid_on = LocalDate{2026, 3, 31}})), (std::vector{ia, ic}));
    EXPECT_EQ(ids(store.list({.valid_on = LocalDate{2026, 4, 1}})), (std::vector{ib, ic}));
    EXPECT_EQ(ids(store.list({.topic = "d", .form = "tin", .text = "thủ tục"})), (std::vector{ic}));
}

TEST_F(Store, ValidOnAndExpiredOn) {
    auto i = item("/m/a.mp3", "A", {"a"}, "tin");
    i.valid_from = LocalDate{2026, 3, 1};
    i.valid_until = LocalDate{2026, 3, 31};
    EXPECT_FALSE(i.valid_on({2026, 2, 28}));
    EXPECT_TRUE(i.valid_on({2026, 3, 1}));
    EXPECT_TRUE(i.valid_on({2026, 3, 31}));
    EXPECT_FALSE(i.valid_on({2026, 4, 1}));
    EXPECT_TRUE(i.expired_on({2026, 4, 1}));
    EXPECT_FALSE(i.expired_on({2026, 3, 31}));
    const auto id = store.insert(i);
    EXPECT_EQ(store.find(id)->valid_until, (std::optional<LocalDate>{LocalDate{2026, 3, 31}}));
}

TEST_F(Store, RetiredItemsLeaveListsButKeepTheirJournalRows) {
    const auto id = store.insert(item("/m/a.mp3", "A", {"a"}, "tin"));
    db.exec(
        "INSERT INTO journal (scheduled_at, media_item_id, title, topic, form, slot, outputs, status) "
        "VALUES ('2026-03-01T00:00:00.000Z', " +
        std::to_string(id) + ", 'A', 'a', 'tin', 's', 'loa', 'completed')");
    store.retire(id, std::chrono::system_clock::now());
    EXPECT_TRUE(store.list().empty());
    ASSERT_EQ(store.list({.include_retired = true}).size(), 1u);
    const auto got = store.find(id);
    EXPECT_TRUE(got->retired_at);
    EXPECT_FALSE(got->valid_on({2026, 3, 1}));
    EXPECT_EQ(store.airings(id), 1);
    // The journal's reference protects the row at the database level too.
    EXPECT_THROW(db.exec("DELETE FROM media_item WHERE id = " + std::to_string(id)), lp::sqlite::Error);
}

TEST_F(Store, UpdateRewritesTopicsAndValidity) {
    const auto id = store.insert(item("/m/a.mp3", "A", {"a", "b"}, "tin"));
    auto i = *store.find(id);
    i.title = "Tiêu đề mới";
    i.topics = {"n"};
    i.valid_from = LocalDate{2026, 1, 1};
    store.update(i);
    const auto got = store.find(id);
    EXPECT_EQ(got->title, "Tiêu đề mới");
    EXPECT_EQ(got->topics, std::vector<std::string>{"n"});
    EXPECT_EQ(got->valid_from, (std::optional<LocalDate>{LocalDate{2026, 1, 1}}));
}

TEST_F(Store, UpsertFromConfigStillWorks) {
    const auto id = store.upsert({"/m/cfg.mp3", "Từ cấu hình", "m", "tin"});
    EXPECT_EQ(store.upsert({"/m/cfg.mp3", "Đổi tên", "k", "bai"}), id);
    const auto got = store.find(id);
    EXPECT_EQ(got->title, "Đổi tên");
    EXPECT_EQ(got->topics, std::vector<std::string>{"k"});
}

TEST_F(Store, SameContentTwiceIsTheExistingItem) {
    lp::test::make_audio(dir / "một.mp3", 1.0);
    std::filesystem::copy_file(dir / "một.mp3", dir / "bản sao.mp3");
    lp::library::Importer importer(db, dir / "media");
    const auto first = importer.import({.file = dir / "một.mp3", .title = "Bản gốc", .topics = {"m", "k"}});
    const auto second = importer.import({.file = dir / "bản sao.mp3", .title = "Khác"});
    EXPECT_FALSE(first.duplicate);
    EXPECT_TRUE(second.duplicate);
    EXPECT_EQ(second.item.id, first.item.id);
    EXPECT_EQ(second.item.title, "Bản gốc");
    EXPECT_EQ(store.list().size(), 1u);
}

TEST_F(Store, ImportedCopyIsImmuneToChangesOfTheOriginal) {
    lp::test::make_audio(dir / "gốc.mp3", 1.0);
    lp::library::Importer importer(db, dir / "media");
    const auto r = importer.import({.file = dir / "gốc.mp3"});
    EXPECT_EQ(r.item.title, "gốc") << "no title tag: the file name";
    EXPECT_EQ(r.item.original_name, "gốc.mp3");
    lp::test::make_audio(dir / "gốc.mp3", 2.0, {.frequency = 880, .extra_args = ""});
    EXPECT_EQ(std::filesystem::file_size(r.item.file), *r.item.size_bytes);
    EXPECT_NE(std::filesystem::file_size(r.item.file), std::filesystem::file_size(dir / "gốc.mp3"));
}

TEST(StoreMigration, LibraryColumnsAreAddedToAVersion2Database) {
    lp::test::TempDir dir;
    {
        lp::sqlite::Database old(dir / "old.db");
        lp::db::migrate(old, 2);
        old.exec("INSERT INTO media_item (file, title, topic, form) VALUES ('/m/x.mp3', 'X', 'm', 'tin')");
    }
    auto db = lp::db::open_store(dir / "old.db");
    lp::library::ItemStore store(db);
    const auto items = store.list();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].topics, std::vector<std::string>{"m"});
    EXPECT_FALSE(items[0].sha256);
}

// The library owns approval and tags: the scheduler only reads them.
TEST_F(Store, ApprovalTagsAndDurationAreTheLibrarysToWrite) {
    const auto id = store.upsert({"/m/a.mp3", "Tin A", "a", "tin"});
    EXPECT_TRUE(store.approve(id, "Trần Duyệt"));
    EXPECT_TRUE(store.approve(id, "Lê Thẩm"));  // a later approval replaces the earlier one
    EXPECT_FALSE(store.approve(999, "Trần Duyệt"));
    EXPECT_TRUE(store.set_tags(id, {"tet", "bao-lu"}, {}));
    EXPECT_TRUE(store.set_tags(id, {}, {"tet"}));
    EXPECT_FALSE(store.set_tags(999, {"tet"}, {}));
    store.set_duration(id, std::chrono::milliseconds{95'000});
    auto st = db.prepare(
        "SELECT a.approved_by, (SELECT group_concat(tag, ',') FROM media_item_tag g WHERE g.media_item_id = m.id), "
        "m.duration_ms FROM media_item m JOIN approval a ON a.media_item_id = m.id WHERE m.id = ?");
    st.bind(1, id);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "Lê Thẩm");
    EXPECT_EQ(st.text(1), "bao-lu");
    EXPECT_EQ(st.integer(2), 95'000);
}

}  // namespace
