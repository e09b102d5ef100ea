#pragma once
// The one catalogue of the Vietnamese text the journal writes and the reports add: reasons a
// reviewer reads in the "Ghi chú" column and the notes around the totals. Code that writes such
// text takes it from here, so wording is reviewed, and changed, in one place.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/Time.hpp"

namespace lp::domain::texts {

// --- Reasons journaled for airings cut or never started by a stop of the service ---

// A row left open by a crash or power cut, closed at the next start:
// "Dịch vụ dừng giữa lúc phát (sự cố hoặc mất điện); khôi phục lúc 14:03:07 30/11/2026".
std::string stopped_while_airing(const date::time_zone* tz, TimePoint recovered_at);
// A planned item that had not started when the service stopped uncleanly.
inline constexpr std::string_view stopped_mid_programme =
    "Dịch vụ dừng giữa chương trình (sự cố hoặc mất điện) trước khi tin này được phát";
// A planned item that had not started when the service was stopped.
inline constexpr std::string_view stopped_before_airing = "Dịch vụ dừng trước khi tin này được phát";
// A planned item dropped because its programme was stopped before reaching it.
inline constexpr std::string_view programme_stopped_before_airing = "Chương trình bị dừng trước khi tin này được phát";

// --- Why an item will not air (the scheduler's decisions, journaled skipped or missed) ---

// An operator pressed "stop now" (the API): the reason of the cut row names the account.
std::string stopped_by_operator(std::string_view account);

inline constexpr std::string_view not_in_library = "không có trong thư viện";
inline constexpr std::string_view retired = "đã ngừng sử dụng";
inline constexpr std::string_view not_approved = "chưa được duyệt";
inline constexpr std::string_view out_of_validity = "ngoài thời hạn sử dụng";
// "không đủ thời lượng khung giờ: cần 3 phút 20 giây, còn 1 phút 5 giây"
std::string does_not_fit_slot(std::chrono::milliseconds needed, std::chrono::milliseconds room);
// "lỡ giờ phát: đã quá giờ 1 giờ 45 phút khi hệ thống xử lý (…)"
std::string missed_start(std::chrono::system_clock::duration late);

// --- An emergency cuts an item ---

// "phát khẩn cấp số 3 ("Tiêu đề") lúc 09:00:00": what cut it.
std::string emergency_cutter(std::int64_t one_off, const std::optional<std::string>& title, std::string_view time);
// The cut row: "Bị cắt bởi <cutter>; phát lại từ đầu sau đó" (or why not).
std::string cut_by(std::string_view cutter, bool aired_again);
// The skipped row of a cut item that no longer fits its slot.
std::string not_aired_again_after(std::string_view cutter);

// --- Play next (the API's "play now without cutting") ---

// The slot column of its row, and the reason the scheduler gives for the cue.
inline constexpr std::string_view play_next_slot = "Phát tiếp theo";
inline constexpr std::string_view play_next_cue = "phát tiếp theo, sau chương trình đang phát";

// --- The emergency API (errors and answers for the page) ---

inline constexpr std::string_view emergency_item_or_text = "Cần chọn một tin, bài (item) hoặc nhập văn bản (text).";
inline constexpr std::string_view emergency_not_both = "Chỉ chọn một: tin, bài có sẵn (item) hoặc văn bản (text).";
// "Yêu cầu phát khẩn cấp số 4 đã được xác nhận bởi minh lúc 09:02 01/12/2026."
std::string emergency_request_decided(std::int64_t id, std::string_view state, std::string_view by,
                                      std::string_view when);
// "Không có yêu cầu phát khẩn cấp số 4."
std::string no_emergency_request(std::int64_t id);

// --- Live sessions (loaphuong live start / stop, the page's button) ---

inline constexpr std::string_view live_none = "Không có buổi trực tiếp, tiếp sóng nào đang phát.";
inline constexpr std::string_view live_need_by = "Cần ghi tên người đọc hoặc người bật tiếp sóng (by).";
// "Đang trực tiếp \"Trực tiếp: An\" (An, từ 09:02 01/12/2026): hãy dừng buổi đó trước ..."
std::string live_already_on(std::string_view kind, std::string_view title, std::string_view by, std::string_view since);
// The title of a session started without one: "Trực tiếp: Nguyễn Văn An", "Tiếp sóng: http://…".
std::string live_default_title(std::string_view kind, std::string_view by, std::string_view source);

// --- Why an airing failed, or aired only in part ---

inline constexpr std::string_view failed = "Không phát được";
inline constexpr std::string_view file_missing = "Không tìm thấy tệp âm thanh";
inline constexpr std::string_view file_unreadable = "Không đọc được tệp âm thanh";
inline constexpr std::string_view file_changed =
    "Tệp âm thanh đã bị thay đổi sau khi nhập vào thư viện (mã SHA-256 không khớp), không phát";
inline constexpr std::string_view not_audio = "Tệp không phải âm thanh hợp lệ hoặc đã hỏng";
inline constexpr std::string_view no_decoder = "Không có bộ giải mã cho định dạng âm thanh của tệp";
inline constexpr std::string_view undecodable = "Tệp âm thanh bị hỏng, không giải mã được";
inline constexpr std::string_view broke_midway = "Tệp âm thanh bị hỏng giữa chừng, không giải mã tiếp được";
inline constexpr std::string_view ended_early =
    "Tệp âm thanh kết thúc sớm hơn thời lượng đã đo khi nhập (tệp bị cắt hoặc thay đổi)";
inline constexpr std::string_view no_output = "Không mở được đầu ra nào (loa, luồng phát)";
inline constexpr std::string_view outputs_failed = "Mọi đầu ra (loa, luồng phát) đều hỏng giữa chừng";
inline constexpr std::string_view source_unreachable =
    "Không nhận được tín hiệu từ nguồn tiếp sóng, trực tiếp trong suốt thời lượng";
inline constexpr std::string_view source_dropouts = "Nguồn tiếp sóng, trực tiếp bị mất tín hiệu giữa chừng";
// A live source with no fallback file: its dropouts were filled by the spoken notice (the
// row's fallback), and the notice's own words.
inline constexpr std::string_view notice_fallback = "thông báo mất tín hiệu";
inline constexpr std::string_view notice_words =
    "Đường truyền tiếp sóng đang tạm gián đoạn, xin bà con vui lòng chờ trong giây lát.";
// The notice for a reading into the box's microphone or line input (trực tiếp) that lost its capture.
inline constexpr std::string_view capture_notice_words =
    "Buổi phát trực tiếp đang tạm gián đoạn, xin bà con vui lòng chờ trong giây lát.";
// "mất tín hiệu 2 lần, tổng 12,5 giây; phát thay bằng tệp thong-bao.mp3" (empty file: silence;
// notice_fallback: "… phát thay bằng thông báo mất tín hiệu")
std::string dropouts_summary(std::size_t count, std::chrono::milliseconds down, std::string_view fallback_file);
// "Chỉ phát được 16,5 trên 20,0 giây: <why>"
std::string partial(std::chrono::microseconds played, std::chrono::milliseconds length, std::string_view why);

// --- After a crash or power cut ---

// On the rows a restart airs again: "Phát tiếp sau khi dịch vụ khởi động lại lúc 14:03:07 30/11/2026 (…)".
std::string resumed_after_restart(const date::time_zone* tz, TimePoint restarted_at);
// On the items a restart came too late to air again.
std::string not_resumed_after_restart(std::chrono::seconds down, std::chrono::seconds grace);
// A live session (trực tiếp, tiếp sóng) cut by a crash or power cut is not picked up again.
inline constexpr std::string_view live_not_resumed_after_restart =
    "Buổi trực tiếp, tiếp sóng không được nối lại sau khi dịch vụ khởi động lại (bị gián đoạn do sự cố hoặc mất "
    "điện)";

// A number with one decimal and the Vietnamese decimal comma: 16.5 → "16,5".
std::string decimal(double value);

// --- Notes in reports ---

// "Nhập tay: Nguyễn Thị Lan" — a row entered by the operator, not aired by the player.
std::string manual_entry(std::string_view by);
// How a manual row aired when the operator does not say (its "slot"): read live by an
// announcer, or a relay of the city's station.
inline constexpr std::string_view manual_live_reading = "Đọc trực tiếp";
inline constexpr std::string_view manual_relay = "Tiếp sóng Đài Phát thanh thành phố";
// Under the totals by topic.
inline constexpr std::string_view counted_under_each_topic =
    "Một tin, bài có nhiều nội dung được tính ở từng nội dung của nó; vì vậy cộng các dòng có thể "
    "lớn hơn dòng Tổng cộng, là số tin, bài và lượt phát thực tế.";

// --- Checking a slot before it is saved (the API's slot editor) and the plan preview ---

// 0 = "Chủ nhật", 1 = "thứ Hai" … 6 = "thứ Bảy".
std::string_view weekday_name(unsigned day);
// "Khung giờ "Sáng" (05:30–06:00) trùng giờ với "Sớm" (05:00–05:45) vào thứ Hai, thứ Tư."
// Windows are "HH:MM–HH:MM"; `days` are the slot's own days on which the two overlap.
std::string slot_overlap(std::string_view slot, std::string_view window, std::string_view other,
                         std::string_view other_window, const std::vector<unsigned>& days);
// "Tin, bài số 7 ("Bản tin") chưa được duyệt nên sẽ không được phát."
std::string item_will_not_air(std::int64_t id, std::string_view title, std::string_view why);
// The fixed items and jingles alone last longer than the slot.
std::string fixed_items_too_long(std::chrono::milliseconds total, std::chrono::seconds slot_length);
// Pool number `position` (1-based, in the programme's order) matches no approved, valid item.
std::string pool_matches_nothing(int position);
// An emergency one-off in the preview: it cuts what plays.
inline constexpr std::string_view emergency_cuts_programme = "phát khẩn cấp: ngắt chương trình đang phát";

}  // namespace lp::domain::texts
