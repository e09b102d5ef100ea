#include "cli/PasswordInput.hpp"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli/OperatorError.hpp"

namespace lp::cli {
namespace {

// Turns the terminal's echo off for its lifetime.
class NoEcho {
public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios saved_{};
    bool active_ = false;
};

std::string ask(const std::string& prompt) {
    std::cerr << prompt << std::flush;
    std::string line;
    {
        NoEcho quiet;
        std::getline(std::cin, line);
    }
    std::cerr << '\n';
    if (!std::cin) throw OperatorError("Không đọc được mật khẩu từ terminal.");
    return line;
}

}  // namespace

std::string read_new_password(const std::string& file, const std::string& account) {
    if (!file.empty()) {
        std::ifstream in(file);
        std::string line;
        if (!in || !std::getline(in, line))
            throw OperatorError("Không đọc được mật khẩu từ tệp \"" + file + "\" (tệp không có hoặc rỗng).");
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    if (!isatty(STDIN_FILENO))
        throw OperatorError("Không có terminal để nhập mật khẩu: dùng --password-file TỆP (dòng đầu của tệp).");
    const auto first = ask("Mật khẩu mới cho \"" + account + "\": ");
    const auto second = ask("Nhập lại mật khẩu: ");
    if (first != second) throw OperatorError("Hai lần nhập mật khẩu không giống nhau; không có gì thay đổi.");
    return first;
}

}  // namespace lp::cli
