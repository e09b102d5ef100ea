#include "api/MediaJson.hpp"

namespace lp::api {
namespace {

nlohmann::json optional_json(const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

nlohmann::json date_json(const std::optional<domain::LocalDate>& d) {
    return d ? nlohmann::json(domain::display_date_text(*d)) : nlohmann::json(nullptr);
}

nlohmann::json approval_json(const library::Approval& a) {
    return {
        {"state", library::approval_code(a.state)}, {"by", a.by}, {"at", a.at}, {"comment", optional_json(a.comment)}};
}

}  // namespace

nlohmann::json item_json(library::ItemStore& store, const library::Item& item, domain::LocalDate today) {
    const auto approval = store.approval(item.id);
    nlohmann::json j{{"id", item.id},
                     {"title", item.title},
                     {"topics", item.topics},
                     {"form", item.form},
                     {"source", optional_json(item.source)},
                     {"note", optional_json(item.note)},
                     {"valid_from", date_json(item.valid_from)},
                     {"valid_until", date_json(item.valid_until)},
                     {"duration_s", item.duration_ms ? nlohmann::json(static_cast<double>(*item.duration_ms) / 1000.0)
                                                     : nlohmann::json(nullptr)},
                     {"added_at", item.added_at},
                     {"retired", item.retired_at.has_value()},
                     {"tags", store.tags(item.id)},
                     {"speech_text", optional_json(item.speech_text)},
                     {"original_name", optional_json(item.original_name)}};
    j["approval"] = approval
                        ? approval_json(*approval)
                        : nlohmann::json{{"state", "pending"}, {"by", nullptr}, {"at", nullptr}, {"comment", nullptr}};
    const bool approved = approval && approval->state == library::ApprovalState::approved;
    std::optional<std::string> why;
    if (item.retired_at)
        why = "đã ngừng dùng";
    else if (!item.valid_on(today))
        why = "không trong thời hạn phát hôm nay";
    else if (!approved)
        why = approval ? "bị từ chối hoặc thu hồi duyệt" : "chưa được duyệt";
    j["airable_today"] = !why.has_value();
    j["why_not_airable"] = optional_json(why);
    return j;
}

nlohmann::json item_details_json(library::ItemStore& store, const library::Item& item, domain::LocalDate today) {
    auto j = item_json(store, item, today);
    j["sha256"] = optional_json(item.sha256);
    j["container"] = optional_json(item.container);
    j["codec"] = optional_json(item.codec);
    j["sample_rate"] = optional_json(item.sample_rate);
    j["channels"] = optional_json(item.channels);
    j["bit_rate"] = optional_json(item.bit_rate);
    j["size_bytes"] = optional_json(item.size_bytes);
    j["loudness_lufs"] = optional_json(item.loudness_lufs);
    j["true_peak_dbtp"] = optional_json(item.true_peak_dbtp);
    j["airings"] = store.airings(item.id);
    auto history = nlohmann::json::array();
    for (const auto& a : store.approval_history(item.id)) history.push_back(approval_json(a));
    j["approvals"] = history;
    return j;
}

}  // namespace lp::api
