#include "journal/Status.hpp"

#include <stdexcept>
#include <string>

namespace lp::journal {

std::string_view to_code(Status s) {
    switch (s) {
        case Status::playing: return "playing";
        case Status::completed: return "completed";
        case Status::interrupted: return "interrupted";
        case Status::failed: return "failed";
        case Status::skipped: return "skipped";
        case Status::missed: return "missed";
    }
    return "unknown";
}

std::optional<Status> status_from_code(std::string_view code) {
    for (Status s : all_statuses)
        if (to_code(s) == code) return s;
    return std::nullopt;
}

std::string_view status_label(Status s) {
    switch (s) {
        case Status::playing: return "Đang phát";
        case Status::completed: return "Đã phát";
        case Status::interrupted: return "Bị ngắt giữa chừng";
        case Status::failed: return "Không phát được";
        case Status::skipped: return "Bỏ qua";  // why (too long, not approved, expired…) is in the reason
        case Status::missed: return "Lỡ giờ phát";
    }
    return "";
}

bool reached_listeners(Status s) { return s == Status::playing || s == Status::completed || s == Status::interrupted; }

Status close(Status from, Status to) {
    if (from != Status::playing || to == Status::playing)
        throw std::logic_error("journal row cannot go from " + std::string(to_code(from)) + " to " +
                               std::string(to_code(to)));
    return to;
}

std::optional<int> ordinal_for(bool reaches_listeners, int earlier_airings) {
    if (!reaches_listeners) return std::nullopt;
    return earlier_airings + 1;
}

}  // namespace lp::journal
