#pragma once
// The Vietnamese text residents read on the public listen-again side (issue 13): pages, the
// podcast feed, the poster and the feedback form. Part of the one catalogue (domain/Texts.hpp).

#include <string>
#include <string_view>

namespace lp::domain::texts::open {

inline constexpr std::string_view site_title = "Nghe lại tin, bài cải cách hành chính";
inline constexpr std::string_view site_intro =
    "Các tin, bài về cải cách hành chính đã phát trên hệ thống truyền thanh phường. Bấm vào tên để nghe lại.";
inline std::string in_last_weeks(int weeks) { return "Phát trong " + std::to_string(weeks) + " tuần gần nhất"; }
inline constexpr std::string_view nothing_aired = "Chưa có tin, bài nào được phát trong thời gian này.";
inline constexpr std::string_view last_aired = "Phát gần nhất";
inline constexpr std::string_view times_aired = "Số lượt phát";
inline constexpr std::string_view length = "Thời lượng";
inline constexpr std::string_view topic = "Nội dung";
inline constexpr std::string_view form = "Hình thức";
inline constexpr std::string_view download = "Tải tệp âm thanh";
inline constexpr std::string_view no_audio_support = "Điện thoại của bạn không phát được âm thanh trên trang này.";
inline constexpr std::string_view podcast = "Đăng ký nghe (podcast RSS)";
inline constexpr std::string_view poster = "In áp phích mã QR (A4)";
inline constexpr std::string_view back = "Về danh sách";
inline constexpr std::string_view scan_to_listen = "Quét mã QR bằng điện thoại để nghe lại";
inline constexpr std::string_view scan_this_item = "Mã QR của tin, bài này";
inline constexpr std::string_view poster_title = "NGHE LẠI TIN, BÀI CẢI CÁCH HÀNH CHÍNH";
inline constexpr std::string_view print = "In trang này";

// Feedback (the question is the plan's own wording for residents' interest).
inline constexpr std::string_view question = "Nội dung này có hữu ích với bà con không?";
inline constexpr std::string_view rating_low = "1 — Không hữu ích";
inline constexpr std::string_view rating_high = "5 — Rất hữu ích";
inline constexpr std::string_view comment = "Ý kiến thêm (không bắt buộc, tối đa 1000 ký tự)";
inline constexpr std::string_view send = "Gửi ý kiến";
inline constexpr std::string_view privacy =
    "Trang này không lưu địa chỉ, tên hay số điện thoại của bạn. Ý kiến được cán bộ xem trước khi hiển thị.";
inline constexpr std::string_view approved_comments = "Ý kiến của bà con";
inline constexpr std::string_view thanks_title = "Cảm ơn bà con đã góp ý";
inline constexpr std::string_view thanks = "Ý kiến của bạn đã được ghi nhận và sẽ được cán bộ xem xét.";
inline constexpr std::string_view not_sent = "Chưa gửi được ý kiến";
inline constexpr std::string_view too_many_title = "Gửi quá nhiều lần";
inline constexpr std::string_view too_many = "Bạn đã gửi nhiều ý kiến trong thời gian ngắn; xin vui lòng thử lại sau.";
inline constexpr std::string_view bad_rating = "Xin chọn mức đánh giá từ 1 đến 5.";
inline constexpr std::string_view comment_too_long = "Ý kiến quá dài (tối đa 1000 ký tự).";
inline constexpr std::string_view comment_not_text = "Ý kiến chứa ký tự không hợp lệ.";
inline constexpr std::string_view no_such_item = "Không tìm thấy tin, bài này (có thể đã quá thời gian nghe lại).";

}  // namespace lp::domain::texts::open
