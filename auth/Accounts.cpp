#include "auth/Accounts.hpp"

#include "auth/AccountError.hpp"
#include "auth/Password.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::auth {
namespace {

using Kind = AccountError::Kind;

Account read_account(sqlite::Statement& st) {
    Account a;
    a.name = st.text(0);
    a.role = role_from_name(st.text(1)).value_or(Role::viewer);
    a.password_hash = st.text(2);
    a.created_at = st.text(3);
    a.disabled = st.integer(4) != 0;
    a.epoch = st.integer(5);
    return a;
}

constexpr const char* select_account = "SELECT name, role, password_hash, created_at, disabled, epoch FROM accounts ";

}  // namespace

void check_account_name(std::string_view name, const std::string& field) {
    bool ok = !name.empty() && name.size() <= 64;
    for (const char c : name)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-');
    if (!ok)
        throw AccountError(Kind::invalid, field,
                           "Tên tài khoản không hợp lệ: chỉ dùng chữ cái không dấu, chữ số, dấu chấm, gạch dưới, "
                           "gạch ngang; từ 1 đến 64 ký tự.");
}

Role parse_role(std::string_view text, const std::string& field) {
    if (auto r = role_from_name(text)) return *r;
    throw AccountError(
        Kind::invalid, field,
        "Vai trò \"" + std::string(text) + "\" không tồn tại; chọn một trong: admin, operator, approver, viewer.");
}

void check_new_password(std::string_view password, const std::string& field) {
    if (auto problem = password_problem(password)) throw AccountError(Kind::invalid, field, *problem);
}

std::optional<Account> Accounts::find(std::string_view name) {
    auto st = db_.prepare(std::string(select_account) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_account(st);
}

Account Accounts::get(std::string_view name, const std::string& field) {
    if (auto a = find(name)) return *a;
    throw AccountError(Kind::not_found, field, "Không có tài khoản \"" + std::string(name) + "\".");
}

std::vector<Account> Accounts::list() {
    std::vector<Account> out;
    auto st = db_.prepare(std::string(select_account) + "ORDER BY name");
    while (st.step()) out.push_back(read_account(st));
    return out;
}

void Accounts::add(std::string_view name, Role role, const std::string& password_hash) {
    check_account_name(name);
    sqlite::Transaction tx(db_);
    if (find(name))
        throw AccountError(Kind::conflict, "name", "Tài khoản \"" + std::string(name) + "\" đã có; chọn tên khác.");
    auto st = db_.prepare("INSERT INTO accounts (name, role, password_hash) VALUES (?, ?, ?)");
    st.bind(1, name).bind(2, role_name(role)).bind(3, password_hash);
    st.run();
    tx.commit();
}

void Accounts::keep_an_admin(const Account& account, const std::string& field, const std::string& change) {
    if (account.role != Role::admin || account.disabled) return;
    auto st = db_.prepare("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0 AND name != ?");
    st.bind(1, account.name);
    st.step();
    if (st.integer(0) == 0)
        throw AccountError(Kind::conflict, field,
                           "Không thể " + change + " \"" + account.name +
                               "\": đây là quản trị viên (admin) cuối cùng còn hoạt động. Hãy tạo hoặc bật một "
                               "tài khoản admin khác trước.");
}

void Accounts::set_role(std::string_view name, Role role) {
    sqlite::Transaction tx(db_);
    const auto account = get(name);
    if (role != Role::admin) keep_an_admin(account, "role", "đổi vai trò của");
    auto st = db_.prepare("UPDATE accounts SET role = ? WHERE name = ?");
    st.bind(1, role_name(role)).bind(2, name);
    st.run();
    tx.commit();
}

void Accounts::set_password_hash(std::string_view name, const std::string& password_hash) {
    sqlite::Transaction tx(db_);
    get(name);
    auto st = db_.prepare("UPDATE accounts SET password_hash = ?, epoch = epoch + 1 WHERE name = ?");
    st.bind(1, password_hash).bind(2, name);
    st.run();
    tx.commit();
}

void Accounts::set_disabled(std::string_view name, bool disabled) {
    sqlite::Transaction tx(db_);
    const auto account = get(name);
    if (disabled) keep_an_admin(account, "disabled", "khóa");
    auto st = db_.prepare("UPDATE accounts SET disabled = ?, epoch = epoch + 1 WHERE name = ?");
    st.bind(1, disabled ? 1 : 0).bind(2, name);
    st.run();
    tx.commit();
}

void Accounts::remove(std::string_view name) {
    sqlite::Transaction tx(db_);
    const auto account = get(name);
    keep_an_admin(account, "name", "xóa");
    auto st = db_.prepare("DELETE FROM accounts WHERE name = ?");
    st.bind(1, name);
    st.run();
    tx.commit();
}

}  // namespace lp::auth
