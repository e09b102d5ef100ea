// Accounts and bearer tokens on a real SQLite file.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "auth/AccountError.hpp"
#include "auth/Accounts.hpp"
#include "auth/Tokens.hpp"
#include "db/Store.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::auth;

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Store : public testing::Test {
protected:
    lp::test::TempDir dir;
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");
    Accounts accounts{db};

    AccountError::Kind kind_of(const std::function<void()>& f) {
        try {
            f();
        } catch (const AccountError& e) {
            return e.kind();
        }
        ADD_FAILURE() << "no AccountError";
        return AccountError::Kind::invalid;
    }
};

TEST_F(Store, AccountsRules) {
    accounts.add("an", Role::admin, "$argon2id$x");
    accounts.add("binh.nguyen", Role::operator_, "$argon2id$y");
    EXPECT_EQ(accounts.get("binh.nguyen").role, Role::operator_);
    EXPECT_EQ(kind_of([&] { accounts.add("an", Role::viewer, "h"); }), AccountError::Kind::conflict);
    EXPECT_EQ(kind_of([&] { accounts.add("../an", Role::viewer, "h"); }), AccountError::Kind::invalid);
    EXPECT_EQ(kind_of([&] { accounts.add("", Role::viewer, "h"); }), AccountError::Kind::invalid);
    EXPECT_EQ(kind_of([&] { accounts.add("Bình", Role::viewer, "h"); }), AccountError::Kind::invalid);
    EXPECT_EQ(kind_of([&] { accounts.get("chi"); }), AccountError::Kind::not_found);
    EXPECT_EQ(kind_of([] { parse_role("boss"); }), AccountError::Kind::invalid);

    const auto epoch = accounts.get("binh.nguyen").epoch;
    accounts.set_password_hash("binh.nguyen", "$argon2id$z");
    EXPECT_EQ(accounts.get("binh.nguyen").epoch, epoch + 1) << "a new password ends the sessions";
    accounts.set_disabled("binh.nguyen", true);
    EXPECT_TRUE(accounts.get("binh.nguyen").disabled);
    EXPECT_EQ(accounts.list().size(), 2u);
}

TEST_F(Store, TheLastEnabledAdminStays) {
    accounts.add("an", Role::admin, "h");
    accounts.add("binh", Role::admin, "h");
    accounts.set_disabled("binh", true);
    EXPECT_EQ(kind_of([&] { accounts.remove("an"); }), AccountError::Kind::conflict);
    EXPECT_EQ(kind_of([&] { accounts.set_disabled("an", true); }), AccountError::Kind::conflict);
    EXPECT_EQ(kind_of([&] { accounts.set_role("an", Role::operator_); }), AccountError::Kind::conflict);
    accounts.set_disabled("binh", false);
    accounts.set_role("an", Role::operator_);  // binh is still an admin
    EXPECT_EQ(kind_of([&] { accounts.remove("binh"); }), AccountError::Kind::conflict);
    accounts.remove("an");
    EXPECT_FALSE(accounts.exists("an"));
}

TEST_F(Store, TokensAreFoundByHashAndNeverStored) {
    accounts.add("script", Role::operator_, "h");
    Tokens tokens(db);
    const auto t = tokens.create("script", "sao lưu hằng đêm");
    EXPECT_EQ(t.token.rfind("lp_", 0), 0u);
    EXPECT_EQ(t.token.size(), 3u + 43u);
    const auto owner = tokens.find(t.token);
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->account, "script");
    EXPECT_EQ(owner->role, Role::operator_);
    EXPECT_FALSE(tokens.find(t.token + "x"));
    EXPECT_FALSE(tokens.find(""));

    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(bytes_of(entry.path()).find(t.token.substr(3)), std::string::npos)
            << entry.path() << " holds the raw token";

    EXPECT_THROW(tokens.create("nobody", "x"), AccountError);
    EXPECT_THROW(tokens.create("script", ""), AccountError);
    ASSERT_EQ(tokens.list().size(), 1u);
    EXPECT_FALSE(tokens.list()[0].last_used);
    tokens.touch(t.id, "2026-12-01T08:00:00.000Z");
    EXPECT_EQ(tokens.list()[0].last_used, "2026-12-01T08:00:00.000Z");

    accounts.remove("script");
    EXPECT_FALSE(tokens.find(t.token)) << "an account's tokens go with it";
    EXPECT_FALSE(tokens.remove(t.id));
}

}  // namespace
