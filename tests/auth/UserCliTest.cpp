// `loaphuong user|token` and `journal verify`'s audit check on the real binary and a real file.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "auth/Accounts.hpp"
#include "auth/Password.hpp"
#include "db/Store.hpp"
#include "tests/support/Command.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::test::shell_quote;

class UserCli : public testing::Test {
protected:
    lp::test::TempDir dir;
    std::filesystem::path db_file = dir / "var" / "lp.db";
    std::string config = (dir / "lp.toml").string();
    std::string good = (dir / "good").string();
    std::string short_pw = (dir / "short").string();

    void SetUp() override {
        std::ofstream(config) << "[daemon]\ndatabase = \"var/lp.db\"\n";
        std::ofstream(good) << "mật khẩu tốt\n";
        std::ofstream(short_pw) << "1234567\n";
        lp::db::open_store(db_file);
    }
    lp::test::CommandResult run(const std::string& args) {
        return lp::test::run_command(std::string(LP_CLI) + " -c " + shell_quote(config) + " " + args + " </dev/null");
    }
    bool contains(const lp::test::CommandResult& r, const std::string& text) {
        return r.output.find(text) != std::string::npos;
    }
};

TEST_F(UserCli, AddListPasswdDisableRemove) {
    auto r = run("user add an --role admin --password-file " + shell_quote(good));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r, "Đã tạo tài khoản \"an\" (vai trò admin).")) << r.output;
    {
        auto db = lp::db::open_store(db_file);
        const auto a = lp::auth::Accounts(db).get("an");
        EXPECT_TRUE(lp::auth::verify_password(a.password_hash, "mật khẩu tốt"));
    }
    ASSERT_EQ(run("user add binh --role viewer --password-file " + shell_quote(good)).exit_code, 0);
    r = run("user list");
    EXPECT_TRUE(contains(r, "an  admin  tạo ngày ")) << r.output;
    EXPECT_TRUE(contains(r, "binh  viewer")) << r.output;

    EXPECT_EQ(run("user passwd binh --password-file " + shell_quote(good)).exit_code, 0);
    r = run("user disable an");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "quản trị viên (admin) cuối cùng")) << r.output;
    r = run("user remove an");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_EQ(run("user disable binh").exit_code, 0);
    EXPECT_TRUE(contains(run("user list"), "binh  viewer  tạo ngày"));
    EXPECT_TRUE(contains(run("user list"), "[ĐÃ KHÓA]"));
    r = run("user remove binh");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_FALSE(contains(run("user list"), "binh"));

    r = run("journal verify");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r, "Nhật ký thao tác toàn vẹn: 5 dòng đã niêm phong.")) << r.output;
}

TEST_F(UserCli, BadInputIsRefusedAndNothingWritten) {
    auto r = run("user add an --role boss --password-file " + shell_quote(good));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Vai trò \"boss\" không tồn tại; chọn một trong: admin, operator, approver, viewer."))
        << r.output;
    r = run("user add an --role admin --password-file " + shell_quote(short_pw));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.")) << r.output;
    r = run("user add an --role admin");
    EXPECT_EQ(r.exit_code, 2) << "no terminal and no file";
    EXPECT_TRUE(contains(r, "--password-file")) << r.output;
    r = run("user add an --role admin --password-file " + shell_quote((dir / "none").string()));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Không đọc được mật khẩu từ tệp")) << r.output;
    r = run("user add 'An Nguyễn' --role admin --password-file " + shell_quote(good));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Tên tài khoản không hợp lệ")) << r.output;
    r = run("user add an --role admin --password 12345678");
    EXPECT_NE(r.exit_code, 0) << "no password on the command line";
    r = run("user passwd nobody --password-file " + shell_quote(good));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Không có tài khoản \"nobody\".")) << r.output;
    EXPECT_EQ(run("user add an --role admin --password-file " + shell_quote(good)).exit_code, 0);
    r = run("user add an --role viewer --password-file " + shell_quote(good));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Tài khoản \"an\" đã có")) << r.output;

    auto db = lp::db::open_store(db_file);
    EXPECT_EQ(lp::auth::Accounts(db).list().size(), 1u);
}

TEST_F(UserCli, TokenFileIsGroupReadableOnlyAndTheDatabaseHoldsNoToken) {
    ASSERT_EQ(run("user add script --role operator --password-file " + shell_quote(good)).exit_code, 0);
    const auto file = dir / "cli.token";
    auto r = run("token add --account script --label 'CLI trên máy chủ' -o " + shell_quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    std::string token;
    std::ifstream(file) >> token;
    EXPECT_EQ(token.rfind("lp_", 0), 0u);
    EXPECT_FALSE(contains(r, token)) << "written to the file, not shown";

    auto db = lp::db::open_store(db_file);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::ifstream in(db_file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes.find(token), std::string::npos);

    r = run("token list");
    EXPECT_TRUE(contains(r, "#1  script  CLI trên máy chủ")) << r.output;
    r = run("token add --account nobody --label x");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r, "Không có tài khoản \"nobody\".")) << r.output;
    EXPECT_EQ(run("token remove 9").exit_code, 2);
    EXPECT_EQ(run("token remove 1").exit_code, 0);
}

TEST_F(UserCli, JournalVerifyNamesAnEditedAuditRow) {
    ASSERT_EQ(run("user add an --role admin --password-file " + shell_quote(good)).exit_code, 0);
    ASSERT_EQ(run("user add binh --role viewer --password-file " + shell_quote(good)).exit_code, 0);
    ASSERT_EQ(run("user add chi --role viewer --password-file " + shell_quote(good)).exit_code, 0);
    const auto sql =
        lp::test::run_command("sqlite3 " + shell_quote(db_file.string()) +
                              " 'DROP TRIGGER audit_rows_are_final; DROP TRIGGER audit_rows_are_never_deleted; "
                              "UPDATE audit SET object = \"name=mallory\" WHERE id = 2;'");
    ASSERT_EQ(sql.exit_code, 0) << sql.output;
    auto r = run("journal verify");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r, "Nhật ký thao tác KHÔNG toàn vẹn: dòng nhật ký thao tác số 2 đã bị sửa")) << r.output;

    lp::test::run_command("sqlite3 " + shell_quote(db_file.string()) + " 'DELETE FROM audit WHERE id = 2;'");
    r = run("journal verify");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r, "dòng nhật ký thao tác số 2 đã bị xóa.")) << r.output;
}

}  // namespace
