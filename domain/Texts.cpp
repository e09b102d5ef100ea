#include "domain/Texts.hpp"

namespace lp::domain::texts {

std::string stopped_while_airing(const date::time_zone* tz, TimePoint recovered_at) {
    return "Dịch vụ dừng giữa lúc phát (sự cố hoặc mất điện); khôi phục lúc " + local_time_text(tz, recovered_at) +
           " " + local_date_text(tz, recovered_at);
}

std::string manual_entry(std::string_view by) { return "Nhập tay: " + std::string(by); }

}  // namespace lp::domain::texts
