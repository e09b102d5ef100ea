#pragma once
// The channels residents' feedback comes by (table feedback): web (the item page), hotline
// (đường dây nóng), zalo, hop_thu (hòm thư góp ý), hop_to_dan_pho (họp tổ dân phố), ban_thanh_tra
// (Ban thanh tra nhân dân). Shared by the public side, the operator's API and the reports.

#include <string>
#include <string_view>

namespace lp::domain {

bool is_feedback_channel(std::string_view code);
std::string_view feedback_channel_label(std::string_view code);  // Vietnamese; the code when unknown
std::string feedback_channel_codes();                            // ", " between them (for messages)

}  // namespace lp::domain
