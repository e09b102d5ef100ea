#include "domain/FeedbackChannels.hpp"

#include <array>
#include <utility>

namespace lp::domain {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> channels{{
    {"web", "Trang nghe lại"},
    {"hotline", "Đường dây nóng"},
    {"zalo", "Zalo"},
    {"hop_thu", "Hòm thư góp ý"},
    {"hop_to_dan_pho", "Họp tổ dân phố"},
    {"ban_thanh_tra", "Ban thanh tra nhân dân"},
}};

}  // namespace

bool is_feedback_channel(std::string_view code) {
    for (const auto& [c, label] : channels)
        if (c == code) return true;
    return false;
}

std::string_view feedback_channel_label(std::string_view code) {
    for (const auto& [c, label] : channels)
        if (c == code) return label;
    return code;
}

std::string feedback_channel_codes() {
    std::string out;
    for (const auto& [c, label] : channels) out += (out.empty() ? "" : ", ") + std::string(c);
    return out;
}

}  // namespace lp::domain
