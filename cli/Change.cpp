#include "cli/Change.hpp"

#include <cctype>
#include <iostream>

#include "cli/DaemonLink.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/OperatorError.hpp"
#include "http/Errors.hpp"

namespace lp::cli {
namespace {

// The server's own 404/405 (no route for this path: a daemon older than this command), as
// opposed to a handler's 404 naming its field.
bool route_not_served(const ApiResponse& res) {
    if (res.status != 404 && res.status != 405) return false;
    const auto& error = res.body.is_object() ? res.body["error"] : nlohmann::json();
    return error.is_object() && error.value("field", std::string{"?"}).empty() &&
           (error.value("message", std::string{}) == http::texts::not_found ||
            error.value("message", std::string{}) == http::texts::method_not_allowed);
}

std::string error_message(const ApiResponse& res) {
    if (res.body.is_object() && res.body["error"].is_object() && res.body["error"]["message"].is_string())
        return res.body["error"]["message"].get<std::string>();
    return "HTTP " + std::to_string(res.status);
}

}  // namespace

bool via_daemon(const Context& context, const ApiRequest& request, bool json, const ResultText& text) {
    const auto api = daemon_api(context.config);
    if (!api) return false;
    const auto res = api->send(request.method, request.target, request.body);
    if (route_not_served(res)) {  // as before the API: the database, and the daemon reloads
        std::cerr << "loaphuong: loaphuongd đang chạy chưa nhận lệnh này qua API (" << request.method << ' '
                  << request.target << "); ghi thẳng vào cơ sở dữ liệu như trước.\n";
        return false;
    }
    if (res.status >= 200 && res.status < 300) {
        print_result(res.body, json, text);
        return true;
    }
    if (json && res.body.is_object()) std::cout << res.body.dump() << '\n';
    const std::string token_file = "\"" + context.config.http.cli_token_file.string() + "\"";
    const std::string message = error_message(res);
    if (res.status == 401)
        throw DaemonLinkError("loaphuongd không nhận mã truy cập trong tệp " + token_file +
                              " (mã đã bị thu hồi, tài khoản bị khóa hoặc mã sai). Không có gì thay đổi. "
                              "Tạo mã mới: loaphuong token add --for-cli --account TÊN.");
    if (res.status == 403)
        throw DaemonLinkError("loaphuongd từ chối: " + message + " (tài khoản của mã truy cập trong tệp " + token_file +
                              " không có quyền này). Không có gì thay đổi.");
    if (res.status >= 400 && res.status < 500) throw OperatorError(message);
    throw std::runtime_error("loaphuongd báo lỗi (HTTP " + std::to_string(res.status) + "): " + message);
}

void print_result(const nlohmann::json& result, bool json, const ResultText& text) {
    if (json) {
        std::cout << result.dump() << '\n';
        return;
    }
    std::cout << text(result);
}

void add_json_flag(CLI::App* command, bool& json) {
    command->add_flag("--json", json, "In kết quả dạng JSON (như API của loaphuongd) cho script");
}

std::string api_path(const std::string& prefix, std::int64_t id, const std::string& suffix) {
    return prefix + "/" + std::to_string(id) + suffix;
}

std::string path_segment(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace lp::cli
