// The audit chain on a real SQLite file: honest, edited, deleted; and what a row says.

#include <gtest/gtest.h>

#include "auth/AuditEntry.hpp"
#include "auth/AuditLog.hpp"
#include "db/Store.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using namespace lp::auth;

class Audit : public testing::Test {
protected:
    lp::test::TempDir dir;
    lp::sqlite::Database db = lp::db::open_store(dir / "lp.db");

    void SetUp() override {
        for (int i = 1; i <= 5; ++i)
            append_audit(db, AuditRow{0, "2026-12-01T08:00:0" + std::to_string(i) + ".000Z", "an", "admin",
                                      "POST /api/accounts", "name=u" + std::to_string(i), "{}", ""});
    }
    void tamper(const std::string& sql) {
        db.exec("DROP TRIGGER audit_rows_are_final; DROP TRIGGER audit_rows_are_never_deleted; " + sql);
    }
};

TEST_F(Audit, HonestChainVerifies) {
    const auto r = verify_audit(db);
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.rows_checked, 5);
}

TEST_F(Audit, RowsCannotBeChangedThroughSqlite) {
    EXPECT_ANY_THROW(db.exec("UPDATE audit SET account = 'binh' WHERE id = 2"));
    EXPECT_ANY_THROW(db.exec("DELETE FROM audit WHERE id = 2"));
}

TEST_F(Audit, AnEditedRowIsNamed) {
    tamper("UPDATE audit SET account = 'binh' WHERE id = 3");
    const auto r = verify_audit(db);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.first_break->kind, AuditBreak::Kind::content_mismatch);
    EXPECT_EQ(r.first_break->row_id, 3);
    EXPECT_EQ(r.rows_checked, 2);
    EXPECT_EQ(describe(*r.first_break), "dòng nhật ký thao tác số 3 đã bị sửa (không khớp mã niêm phong).");
}

TEST_F(Audit, AResealedEditStillBreaksTheNextRow) {
    // Whoever edits row 3 and recomputes its seal still breaks row 4's link.
    auto prev = db.prepare("SELECT seal FROM audit WHERE id = 2");
    prev.step();
    AuditRow forged{3, "2026-12-01T08:00:03.000Z", "binh", "admin", "POST /api/accounts", "name=u3", "{}", ""};
    tamper("UPDATE audit SET account = 'binh', seal = '" + audit_seal(prev.text(0), forged) + "' WHERE id = 3");
    const auto r = verify_audit(db);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.first_break->row_id, 4);
}

TEST_F(Audit, ADeletedRowIsNamed) {
    tamper("DELETE FROM audit WHERE id = 2");
    const auto r = verify_audit(db);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.first_break->kind, AuditBreak::Kind::missing_row);
    EXPECT_EQ(r.first_break->row_id, 2);
}

TEST_F(Audit, DeletingTheNewestRowsIsNoticed) {
    tamper("DELETE FROM audit WHERE id >= 4");
    const auto r = verify_audit(db);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.first_break->kind, AuditBreak::Kind::head_mismatch);
    EXPECT_EQ(r.first_break->row_id, 4);
    EXPECT_EQ(r.rows_checked, 3);
}

TEST(AuditEntry, SecretsNeverReachTheSummary) {
    lp::api::Call call;
    call.method = "PATCH";
    call.path = "/api/accounts/binh";
    call.params = {{"name", "binh"}, {"verbose", "1"}, {"q", "b"}};
    call.body = {{"role", "operator"},
                 {"password", "bí mật lắm"},
                 {"nested", {{"new_password", "x"}, {"Token", "y"}, {"keep", 1}}}};
    call.caller = {"an", Role::admin, false, "handle"};
    lp::api::Reply reply;
    const auto row = audit_row_for(call, reply, std::chrono::sys_days{std::chrono::year{2026} / 12 / 1});
    EXPECT_EQ(row.action, "PATCH /api/accounts/{name}");
    EXPECT_EQ(row.object, "name=binh");
    EXPECT_EQ(row.account, "an");
    EXPECT_EQ(row.role, "admin");
    EXPECT_EQ(row.at, "2026-12-01T00:00:00.000Z");
    EXPECT_EQ(row.summary.find("bí mật"), std::string::npos) << row.summary;
    EXPECT_EQ(row.summary.find("password"), std::string::npos) << row.summary;
    EXPECT_EQ(row.summary.find("Token"), std::string::npos) << row.summary;
    EXPECT_NE(row.summary.find("\"keep\":1"), std::string::npos) << row.summary;
    EXPECT_NE(row.summary.find("\"role\":\"operator\""), std::string::npos) << row.summary;
}

TEST(AuditEntry, TheLoginIsRecordedForWhoLoggedIn) {
    lp::api::Call call;
    call.method = "POST";
    call.path = "/api/login";
    call.body = {{"name", "an"}, {"password", "12345678"}};
    lp::api::Reply reply;
    reply.body = {{"account", "an"}, {"role", "operator"}, {"csrf", "zzz"}};
    const auto row = audit_row_for(call, reply, {});
    EXPECT_EQ(row.account, "an");
    EXPECT_EQ(row.role, "operator");
    EXPECT_EQ(row.action, "POST /api/login");
    EXPECT_EQ(row.summary.find("12345678"), std::string::npos);
}

}  // namespace
