#include "cli/Change.hpp"

#include <iostream>

#include "cli/DaemonLink.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/OperatorError.hpp"

namespace lp::cli {
namespace {

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
        throw DaemonLinkError("loaphuongd từ chối: " + message + " (tài khoản của mã truy cập trong tệp " +
                              token_file + " không có quyền này). Không có gì thay đổi.");
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

}  // namespace lp::cli
