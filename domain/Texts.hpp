#pragma once
// The one catalogue of the Vietnamese text the journal writes and the reports add: reasons a
// reviewer reads in the "Ghi chú" column and the notes around the totals. Code that writes such
// text takes it from here, so wording is reviewed, and changed, in one place.

#include <string>
#include <string_view>

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
inline constexpr std::string_view programme_stopped_before_airing =
    "Chương trình bị dừng trước khi tin này được phát";

// --- Notes in reports ---

// "Nhập tay: Nguyễn Thị Lan" — a row entered by the operator, not aired by the player.
std::string manual_entry(std::string_view by);
// Under the totals by topic.
inline constexpr std::string_view counted_under_each_topic =
    "Một tin, bài có nhiều nội dung được tính ở từng nội dung của nó; vì vậy cộng các dòng có thể "
    "lớn hơn dòng Tổng cộng, là số tin, bài và lượt phát thực tế.";

}  // namespace lp::domain::texts
