#include "domain/Texts.hpp"

#include <algorithm>
#include <cstdio>

namespace lp::domain::texts {

std::string stopped_while_airing(const date::time_zone* tz, TimePoint recovered_at) {
    return "Dịch vụ dừng giữa lúc phát (sự cố hoặc mất điện); khôi phục lúc " + local_time_text(tz, recovered_at) +
           " " + local_date_text(tz, recovered_at);
}

std::string manual_entry(std::string_view by) { return "Nhập tay: " + std::string(by); }

namespace {

std::string hours_minutes(std::chrono::system_clock::duration d) {
    const auto m = std::chrono::duration_cast<std::chrono::minutes>(d).count();
    if (m < 60) return std::to_string(m) + " phút";
    return std::to_string(m / 60) + " giờ " + std::to_string(m % 60) + " phút";
}

std::string minutes_seconds(std::chrono::milliseconds d) {
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
    return std::to_string(s / 60) + " phút " + std::to_string(s % 60) + " giây";
}

}  // namespace

std::string decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string s = text;
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string does_not_fit_slot(std::chrono::milliseconds needed, std::chrono::milliseconds room) {
    return "không đủ thời lượng khung giờ: cần " + minutes_seconds(needed) + ", còn " +
           minutes_seconds(std::max(room, std::chrono::milliseconds{0}));
}

std::string missed_start(std::chrono::system_clock::duration late) {
    return "lỡ giờ phát: đã quá giờ " + hours_minutes(late) +
           " khi hệ thống xử lý (dịch vụ ngừng chạy hoặc đồng hồ hệ thống bị chỉnh)";
}

std::string emergency_cutter(std::int64_t one_off, const std::optional<std::string>& title, std::string_view time) {
    return "phát khẩn cấp số " + std::to_string(one_off) + (title ? " (\"" + *title + "\")" : std::string{}) + " lúc " +
           std::string(time);
}

std::string cut_by(std::string_view cutter, bool aired_again) {
    return "Bị cắt bởi " + std::string(cutter) +
           (aired_again ? "; phát lại từ đầu sau đó" : "; không phát lại vì không còn đủ thời lượng của khung giờ");
}

std::string not_aired_again_after(std::string_view cutter) {
    return "không phát lại sau khi bị cắt bởi " + std::string(cutter) + ": không còn đủ thời lượng của khung giờ";
}

std::string partial(std::chrono::microseconds played, std::chrono::milliseconds length, std::string_view why) {
    std::string text = "Chỉ phát được " + decimal(static_cast<double>(played.count()) / 1e6);
    if (length.count() > 0) text += " trên " + decimal(static_cast<double>(length.count()) / 1e3);
    return text + " giây: " + std::string(why);
}

std::string dropouts_summary(std::size_t count, std::chrono::milliseconds down, std::string_view fallback_file) {
    return "mất tín hiệu " + std::to_string(count) + " lần, tổng " + decimal(static_cast<double>(down.count()) / 1e3) +
           " giây; phát thay bằng " +
           (fallback_file.empty()              ? std::string{"khoảng lặng"}
            : fallback_file == notice_fallback ? std::string(notice_fallback)
                                               : "tệp " + std::string(fallback_file));
}

std::string resumed_after_restart(const date::time_zone* tz, TimePoint restarted_at) {
    return "Phát tiếp sau khi dịch vụ khởi động lại lúc " + local_time_text(tz, restarted_at) + " " +
           local_date_text(tz, restarted_at) + " (bị gián đoạn do sự cố hoặc mất điện)";
}

std::string not_resumed_after_restart(std::chrono::seconds down, std::chrono::seconds grace) {
    const auto text = [](std::chrono::seconds d) {
        return d < std::chrono::minutes(1) ? std::to_string(d.count()) + " giây" : hours_minutes(d);
    };
    return "Không phát lại: dịch vụ ngừng " + text(down) + " (sự cố hoặc mất điện), quá " + text(grace) + " cho phép";
}

std::string stopped_by_operator(std::string_view account) {
    return "Dừng phát theo lệnh của tài khoản \"" + std::string(account) + "\"";
}

std::string_view weekday_name(unsigned day) {
    static constexpr std::string_view names[] = {"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư",
                                                 "thứ Năm",  "thứ Sáu", "thứ Bảy"};
    return names[day % 7];
}

std::string slot_overlap(std::string_view slot, std::string_view window, std::string_view other,
                         std::string_view other_window, const std::vector<unsigned>& days) {
    std::string on;
    for (const auto d : days) on += (on.empty() ? "" : ", ") + std::string(weekday_name(d));
    return "Khung giờ \"" + std::string(slot) + "\" (" + std::string(window) + ") trùng giờ với \"" +
           std::string(other) + "\" (" + std::string(other_window) + ") vào " + on + ".";
}

std::string item_will_not_air(std::int64_t id, std::string_view title, std::string_view why) {
    return "Tin, bài số " + std::to_string(id) + " (\"" + std::string(title) + "\") " + std::string(why) +
           " nên sẽ không được phát.";
}

std::string fixed_items_too_long(std::chrono::milliseconds total, std::chrono::seconds slot_length) {
    return "Các tin, bài cố định và nhạc hiệu dài " + minutes_seconds(total) + ", quá thời lượng tối đa " +
           minutes_seconds(slot_length) + " của khung giờ: những tin cuối sẽ bị bỏ qua.";
}

std::string pool_matches_nothing(int position) {
    return "Dòng chọn từ kho số " + std::to_string(position) +
           " không có tin, bài nào phù hợp đã được duyệt và còn hạn: sẽ không chọn được gì.";
}

std::string emergency_request_decided(std::int64_t id, std::string_view state, std::string_view by,
                                      std::string_view when) {
    return "Yêu cầu phát khẩn cấp số " + std::to_string(id) + " đã được " +
           (state == "confirmed" ? "xác nhận" : "từ chối") + " bởi " + std::string(by) +
           (when.empty() ? "" : " lúc " + std::string(when)) + ".";
}

std::string no_emergency_request(std::int64_t id) {
    return "Không có yêu cầu phát khẩn cấp số " + std::to_string(id) + ".";
}

std::string live_already_on(std::string_view kind, std::string_view title, std::string_view by,
                            std::string_view since) {
    return std::string(kind == "truc_tiep" ? "Đang trực tiếp" : "Đang tiếp sóng") + " \"" + std::string(title) +
           "\" (" + std::string(by) + ", từ " + std::string(since) +
           "): hãy dừng buổi đó trước (nút Dừng trực tiếp, hoặc loaphuong live stop).";
}

std::string live_default_title(std::string_view kind, std::string_view by, std::string_view source) {
    return kind == "truc_tiep" ? "Trực tiếp: " + std::string(by) : "Tiếp sóng: " + std::string(source);
}

}  // namespace lp::domain::texts
