#include "scheduler/Model.hpp"

#include <algorithm>

#include "domain/Texts.hpp"

namespace lp::scheduler {

std::optional<std::string> ItemInfo::why_not_airable(LocalDate day, bool approval_needed) const {
    if (retired) return std::string(domain::texts::retired);
    if (approval_needed && !approved_by) return std::string(domain::texts::not_approved);
    if (!valid_on(day)) return std::string(domain::texts::out_of_validity);
    return std::nullopt;
}

bool PoolFilter::matches(const ItemInfo& item) const {
    if (item.is_live()) return false;
    const bool topic_ok = topics.empty() || std::ranges::any_of(item.topics, [&](const std::string& t) {
                              return std::ranges::find(topics, t) != topics.end();
                          });
    const bool form_ok = forms.empty() || std::ranges::find(forms, item.form) != forms.end();
    const bool tag_ok = tags.empty() || std::ranges::any_of(item.tags, [&](const std::string& t) {
                            return std::ranges::find(tags, t) != tags.end();
                        });
    return topic_ok && form_ok && tag_ok;
}

const ItemInfo* Rules::item(ItemId id) const {
    auto it = std::ranges::find(items, id, &ItemInfo::id);
    return it == items.end() ? nullptr : &*it;
}

ItemInfo* Rules::item(ItemId id) {
    auto it = std::ranges::find(items, id, &ItemInfo::id);
    return it == items.end() ? nullptr : &*it;
}

std::string_view priority_code(Priority p) {
    switch (p) {
        case Priority::normal: return "normal";
        case Priority::priority: return "priority";
        case Priority::emergency: return "emergency";
        case Priority::next: return "next";
    }
    return "normal";
}

std::optional<Priority> priority_from_code(std::string_view code) {
    for (Priority p : {Priority::normal, Priority::priority, Priority::emergency, Priority::next})
        if (priority_code(p) == code) return p;
    return std::nullopt;
}

std::string_view priority_label(Priority p) {
    switch (p) {
        case Priority::normal: return "Thông thường";
        case Priority::priority: return "Ưu tiên";
        case Priority::emergency: return "Khẩn cấp";
        case Priority::next: return "Phát tiếp theo";
    }
    return "";
}

}  // namespace lp::scheduler
