#include "daemon/FailureNote.hpp"

#include <array>
#include <utility>

namespace lp::daemon {
namespace {

// What the player and FFmpeg say (a fragment of the message) and what it means for the
// operator, first match wins: the player's own words before FFmpeg's generic ones.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> meanings{{
    {"no output could be opened", "Không mở được đầu ra nào (loa, luồng phát)"},
    {"every output failed", "Mọi đầu ra (loa, luồng phát) đều hỏng giữa chừng"},
    {"no audio stream", "Tệp không chứa âm thanh"},
    {"no decoder", "Không có bộ giải mã cho định dạng âm thanh của tệp"},
    {"No such file or directory", "Không tìm thấy tệp âm thanh"},
    {"Permission denied", "Không có quyền đọc tệp âm thanh"},
    {"no audio could be decoded", "Tệp âm thanh bị hỏng, không giải mã được"},
    {"decoding failed", "Tệp âm thanh bị hỏng giữa chừng, không giải mã tiếp được"},
    {"Invalid data found", "Tệp không phải âm thanh hợp lệ hoặc đã hỏng"},
    {"End of file", "Tệp âm thanh bị cắt cụt"},
}};

}  // namespace

std::string failure_reason(std::string_view technical) {
    for (const auto& [fragment, text] : meanings)
        if (technical.find(fragment) != std::string_view::npos) return std::string(text);
    return "Không phát được";
}

std::string failure_note(std::string_view technical) {
    const std::string meaning = failure_reason(technical);
    if (technical.empty()) return meaning + ".";
    return meaning + ". Chi tiết kỹ thuật: " + std::string(technical);
}

}  // namespace lp::daemon
