#include "cli/UserCommands.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "auth/AccountError.hpp"
#include "auth/Accounts.hpp"
#include "auth/AuditLog.hpp"
#include "auth/Password.hpp"
#include "auth/Tokens.hpp"
#include "cli/OperatorError.hpp"
#include "cli/PasswordInput.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"

namespace lp::cli {
namespace {

struct UserOptions {
    std::string name;
    std::string role;
    std::string password_file;
    std::string account;
    std::string label;
    std::string output;
    bool for_cli = false;
    std::int64_t id = 0;
};

// Runs `f` with the database; an AccountError is the operator's mistake (exit status 2).
template <typename F>
void with_accounts(Context& context, F&& f, bool create = false) {
    context.load();
    auto db = create ? context.open_or_create_database() : context.open_database();
    try {
        std::forward<F>(f)(db);
    } catch (const auth::AccountError& e) {
        throw OperatorError(e.what());
    }
}

void audit(sqlite::Database& db, const std::string& action, const std::string& object,
           const nlohmann::json& summary = nlohmann::json::object()) {
    const auto* pw = getpwuid(geteuid());
    auth::AuditRow row;
    row.at = domain::to_utc_text(domain::wall_now());
    row.account = "cli:" + std::string(pw ? pw->pw_name : std::to_string(geteuid()));
    row.role = "cli";
    row.action = "CLI " + action;
    row.object = object;
    row.summary = summary.dump();
    auth::append_audit(db, row);
}

std::string new_password_hash(const UserOptions& o) {
    const auto password = read_new_password(o.password_file, o.name);
    if (auto problem = auth::password_problem(password)) throw OperatorError(*problem);
    return auth::hash_password(password);
}

std::string local_date(const Context& context, const std::string& utc) {
    try {
        return domain::local_date_text(domain::zone(context.config.time_zone), domain::from_utc_text(utc));
    } catch (const std::invalid_argument&) {
        return utc;
    }
}

void add_user(Context& context, const UserOptions& o) {
    // Name, role and password are checked before the database is opened (or made: the first
    // admin comes before the daemon's first start), so a mistake leaves nothing behind.
    context.load();
    auth::Role role{};
    std::string hash;
    try {
        auth::check_account_name(o.name, "NAME");
        role = auth::parse_role(o.role, "--role");
        hash = new_password_hash(o);
    } catch (const auth::AccountError& e) {
        throw OperatorError(e.what());
    }
    with_accounts(
        context,
        [&](sqlite::Database& db) {
            auth::Accounts accounts(db);
            if (accounts.exists(o.name)) throw OperatorError("Tài khoản \"" + o.name + "\" đã có; chọn tên khác.");
            sqlite::Transaction tx(db);
            accounts.add(o.name, role, hash);
            audit(db, "user add", "name=" + o.name, {{"role", auth::role_name(role)}});
            tx.commit();
            std::cout << "Đã tạo tài khoản \"" << o.name << "\" (vai trò " << auth::role_name(role) << ").\n";
        },
        true);
}

void list_users(Context& context) {
    with_accounts(context, [&](sqlite::Database& db) {
        const auto all = auth::Accounts(db).list();
        if (all.empty()) std::cout << "Chưa có tài khoản nào. Tạo quản trị viên: loaphuong user add TÊN --role admin\n";
        for (const auto& a : all)
            std::cout << a.name << "  " << auth::role_name(a.role) << "  tạo ngày " << local_date(context, a.created_at)
                      << (a.disabled ? "  [ĐÃ KHÓA]" : "") << '\n';
    });
}

void change_password(Context& context, const UserOptions& o) {
    with_accounts(context, [&](sqlite::Database& db) {
        auth::Accounts accounts(db);
        accounts.get(o.name, "NAME");
        const auto hash = new_password_hash(o);
        sqlite::Transaction tx(db);
        accounts.set_password_hash(o.name, hash);
        audit(db, "user passwd", "name=" + o.name);
        tx.commit();
        std::cout << "Đã đổi mật khẩu của \"" << o.name << "\"; các phiên đăng nhập cũ đã hết hiệu lực.\n";
    });
}

void set_disabled(Context& context, const UserOptions& o, bool disabled) {
    with_accounts(context, [&](sqlite::Database& db) {
        sqlite::Transaction tx(db);
        auth::Accounts(db).set_disabled(o.name, disabled);
        audit(db, disabled ? "user disable" : "user enable", "name=" + o.name);
        tx.commit();
        std::cout << (disabled ? "Đã khóa tài khoản \"" : "Đã mở khóa tài khoản \"") << o.name << "\".\n";
    });
}

void remove_user(Context& context, const UserOptions& o) {
    with_accounts(context, [&](sqlite::Database& db) {
        sqlite::Transaction tx(db);
        auth::Accounts(db).remove(o.name);
        audit(db, "user remove", "name=" + o.name);
        tx.commit();
        std::cout << "Đã xóa tài khoản \"" << o.name << "\" và các mã truy cập của nó.\n";
    });
}

// The token file: 0640, in the database file's group when this user may give it that group
// (the service group then reads it).
void write_token_file(Context& context, const std::string& file, const std::string& token) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0640);
    if (fd < 0) throw OperatorError("Không ghi được tệp \"" + file + "\": " + std::strerror(errno) + ".");
    struct stat db_stat {};
    if (::stat(context.config.database.c_str(), &db_stat) == 0)
        (void)::fchown(fd, static_cast<uid_t>(-1), db_stat.st_gid);
    const std::string text = token + "\n";
    const bool ok = ::fchmod(fd, 0640) == 0 &&
                    ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw OperatorError("Không ghi được tệp \"" + file + "\": " + std::strerror(errno) + ".");
}

void add_token(Context& context, UserOptions o) {
    if (o.for_cli && !o.output.empty()) throw OperatorError("Chỉ dùng một trong hai: --for-cli hoặc -o.");
    if (!o.for_cli && o.label.empty())
        throw OperatorError("Cần --label: ghi chú cho mã truy cập, ví dụ \"script sao lưu\".");
    with_accounts(context, [&](sqlite::Database& db) {
        if (o.for_cli) {  // the file `loaphuong` reads when it sends commands to the running daemon
            o.output = context.config.http.cli_token_file.string();
            if (o.label.empty()) o.label = "loaphuong CLI";
        }
        sqlite::Transaction tx(db);
        const auto t = auth::Tokens(db).create(o.account, o.label);
        audit(db, "token add", "id=" + std::to_string(t.id), {{"account", o.account}, {"label", o.label}});
        if (!o.output.empty()) write_token_file(context, o.output, t.token);
        tx.commit();
        if (o.output.empty()) {
            std::cout << t.token << '\n';
            std::cerr << "Mã truy cập số " << t.id << " cho \"" << o.account
                      << "\" (chỉ hiện một lần này; hãy lưu lại ngay).\n";
        } else {
            std::cout << "Đã tạo mã truy cập số " << t.id << " cho \"" << o.account << "\", ghi vào " << o.output
                      << " (quyền 0640).\n";
        }
    });
}

void list_tokens(Context& context) {
    with_accounts(context, [&](sqlite::Database& db) {
        for (const auto& t : auth::Tokens(db).list())
            std::cout << '#' << t.id << "  " << t.account << "  " << t.label << "  tạo ngày "
                      << local_date(context, t.created_at) << "  dùng lần cuối "
                      << (t.last_used ? local_date(context, *t.last_used) : std::string("chưa dùng")) << '\n';
    });
}

void remove_token(Context& context, const UserOptions& o) {
    with_accounts(context, [&](sqlite::Database& db) {
        sqlite::Transaction tx(db);
        if (!auth::Tokens(db).remove(o.id))
            throw OperatorError("Không có mã truy cập số " + std::to_string(o.id) + ".");
        audit(db, "token remove", "id=" + std::to_string(o.id));
        tx.commit();
        std::cout << "Đã thu hồi mã truy cập số " << o.id << ".\n";
    });
}

}  // namespace

void add_user_commands(CLI::App& app, Context& context) {
    auto o = std::make_shared<UserOptions>();
    auto* user = app.add_subcommand("user", "Tài khoản đăng nhập trang quản lý (admin, operator, approver, viewer)");
    user->require_subcommand(1);

    auto* add = user->add_subcommand("add", "Tạo tài khoản; mật khẩu nhập hai lần (không hiện) hoặc lấy từ tệp");
    add->add_option("NAME", o->name, "Tên đăng nhập")->required();
    add->add_option("--role", o->role, "Vai trò: admin, operator, approver, viewer")->required();
    add->add_option("--password-file", o->password_file, "Tệp chứa mật khẩu (dòng đầu)");
    add->callback([&context, o] { add_user(context, *o); });

    user->add_subcommand("list", "Danh sách tài khoản")->callback([&context] { list_users(context); });

    auto* passwd = user->add_subcommand("passwd", "Đổi mật khẩu (các phiên đăng nhập cũ hết hiệu lực)");
    passwd->add_option("NAME", o->name, "Tên đăng nhập")->required();
    passwd->add_option("--password-file", o->password_file, "Tệp chứa mật khẩu (dòng đầu)");
    passwd->callback([&context, o] { change_password(context, *o); });

    auto* disable = user->add_subcommand("disable", "Khóa tài khoản");
    disable->add_option("NAME", o->name, "Tên đăng nhập")->required();
    disable->callback([&context, o] { set_disabled(context, *o, true); });
    auto* enable = user->add_subcommand("enable", "Mở khóa tài khoản");
    enable->add_option("NAME", o->name, "Tên đăng nhập")->required();
    enable->callback([&context, o] { set_disabled(context, *o, false); });

    auto* remove = user->add_subcommand("remove", "Xóa tài khoản và các mã truy cập của nó");
    remove->add_option("NAME", o->name, "Tên đăng nhập")->required();
    remove->callback([&context, o] { remove_user(context, *o); });

    auto* token = app.add_subcommand("token", "Mã truy cập (bearer token) cho các script");
    token->require_subcommand(1);
    auto* tadd = token->add_subcommand("add", "Tạo mã truy cập; chỉ hiện một lần");
    tadd->add_option("--account", o->account, "Tài khoản mà mã truy cập thay mặt")->required();
    tadd->add_option("--label", o->label, "Ghi chú, ví dụ \"script sao lưu\" (bắt buộc, trừ với --for-cli)");
    tadd->add_option("-o,--output", o->output, "Ghi mã vào tệp này (quyền 0640) thay vì in ra");
    tadd->add_flag("--for-cli", o->for_cli,
                   "Mã cho chính lệnh loaphuong: ghi vào [http] cli_token_file (mặc định /etc/loaphuong/cli.token, "
                   "quyền 0640, nhóm của cơ sở dữ liệu)");
    tadd->callback([&context, o] { add_token(context, *o); });
    token->add_subcommand("list", "Danh sách mã truy cập")->callback([&context] { list_tokens(context); });
    auto* tremove = token->add_subcommand("remove", "Thu hồi một mã truy cập");
    tremove->add_option("ID", o->id, "Số của mã truy cập")->required();
    tremove->callback([&context, o] { remove_token(context, *o); });
}

}  // namespace lp::cli
