#pragma once
// The server's own refusals: Vietnamese messages for the operator, as {"error": {...}} replies.

#include <string>
#include <string_view>

#include "api/Call.hpp"

namespace lp::http {

namespace texts {
inline constexpr std::string_view not_found = "Không tìm thấy địa chỉ này.";
inline constexpr std::string_view method_not_allowed = "Địa chỉ này không nhận phương thức này.";
inline constexpr std::string_view bad_path = "Địa chỉ yêu cầu không hợp lệ.";
inline constexpr std::string_view not_logged_in = "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.";
inline constexpr std::string_view forbidden = "Tài khoản của bạn không có quyền thực hiện thao tác này.";
inline constexpr std::string_view csrf = "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); hãy tải lại trang.";
inline constexpr std::string_view json_only = "Nội dung gửi lên phải là JSON (Content-Type: application/json).";
inline constexpr std::string_view json_too_large = "Nội dung JSON quá lớn (tối đa 1 MiB).";
inline constexpr std::string_view bad_json = "Nội dung JSON không hợp lệ";
inline constexpr std::string_view upload_too_large = "Tệp tải lên vượt quá dung lượng cho phép.";
inline constexpr std::string_view not_audio =
    "Tệp tải lên không phải là âm thanh (chấp nhận MP3, WAV, OGG, FLAC, M4A, WebM).";
inline constexpr std::string_view headers_too_large = "Phần đầu yêu cầu quá lớn.";
inline constexpr std::string_view too_many_streams = "Quá nhiều kết nối theo dõi trực tiếp; hãy thử lại sau.";
inline constexpr std::string_view too_busy = "Máy chủ đang bận; hãy thử lại sau ít phút.";
inline constexpr std::string_view form_only = "Nội dung gửi lên phải là biểu mẫu (application/x-www-form-urlencoded).";
inline constexpr std::string_view form_too_large = "Nội dung gửi lên quá lớn.";
inline constexpr std::string_view internal_error = "Đã có lỗi bên trong máy chủ; thao tác chưa được thực hiện.";
}  // namespace texts

inline api::Reply error_reply(int status, const std::string& field, std::string_view message) {
    api::Reply r;
    r.status = status;
    r.body = {{"error", {{"field", field}, {"message", std::string(message)}}}};
    return r;
}

// The whole 503 answer written to a connection beyond the maximum.
inline std::string too_busy_response() {
    const std::string body = error_reply(503, "", texts::too_busy).body.dump();
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nRetry-After: 5\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace lp::http
