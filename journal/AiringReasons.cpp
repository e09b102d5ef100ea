#include "journal/AiringReasons.hpp"

#include <cstdio>

namespace lp::journal::reasons {
namespace {

using audio::FailureKind;

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", seconds);
    std::string s = text;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string duration_text(std::chrono::seconds d) {
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
    if (minutes < 1) return std::to_string(d.count()) + " giây";
    if (minutes < 60) return std::to_string(minutes) + " phút";
    return std::to_string(minutes / 60) + " giờ " + std::to_string(minutes % 60) + " phút";
}

}  // namespace

std::string failure(FailureKind kind) {
    switch (kind) {
        case FailureKind::none: return "Không phát được";
        case FailureKind::file_missing: return "Không tìm thấy tệp âm thanh";
        case FailureKind::file_unreadable: return "Không đọc được tệp âm thanh";
        case FailureKind::file_changed:
            return "Tệp âm thanh đã bị thay đổi sau khi nhập vào thư viện (mã SHA-256 không khớp), không phát";
        case FailureKind::not_audio: return "Tệp không phải âm thanh hợp lệ hoặc đã hỏng";
        case FailureKind::no_decoder: return "Không có bộ giải mã cho định dạng âm thanh của tệp";
        case FailureKind::undecodable: return "Tệp âm thanh bị hỏng, không giải mã được";
        case FailureKind::broke_midway: return "Tệp âm thanh bị hỏng giữa chừng, không giải mã tiếp được";
        case FailureKind::ended_early: return "Tệp âm thanh kết thúc sớm hơn thời lượng đã đo khi nhập (tệp bị cắt hoặc thay đổi)";
        case FailureKind::no_output: return "Không mở được đầu ra nào (loa, luồng phát)";
        case FailureKind::outputs_failed: return "Mọi đầu ra (loa, luồng phát) đều hỏng giữa chừng";
    }
    return "Không phát được";
}

std::string partial(FailureKind kind, std::chrono::microseconds played, std::chrono::milliseconds length) {
    std::string text = "Chỉ phát được " + seconds_text(static_cast<double>(played.count()) / 1e6);
    if (length.count() > 0) text += " trên " + seconds_text(static_cast<double>(length.count()) / 1e3);
    return text + " giây: " + failure(kind);
}

std::string stopped_before_start() { return "Chương trình bị dừng trước khi tin này được phát"; }

std::string daemon_stopped_before_start() { return "Dịch vụ phát thanh dừng trước khi tin này được phát"; }

std::string resumed_after_restart(const std::string& restart_time_text) {
    return "Phát lại sau khi dịch vụ khởi động lại lúc " + restart_time_text + " (bị gián đoạn do sự cố hoặc mất điện)";
}

std::string not_resumed_after_restart(std::chrono::seconds down, std::chrono::seconds grace) {
    return "Không phát lại: dịch vụ ngừng " + duration_text(down) + " (sự cố hoặc mất điện), quá " +
           duration_text(grace) + " cho phép";
}

}  // namespace lp::journal::reasons
