#include "api/FeedbackRoutes.hpp"

#include "api/Params.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"
#include "library/ItemStore.hpp"
#include "reach/FeedbackStore.hpp"

namespace lp::api {
namespace {

using reach::Feedback;
using reach::FeedbackStore;

constexpr std::size_t max_comment_bytes = 4000;

nlohmann::json feedback_json(const Feedback& f) {
    return {{"id", f.id},
            {"item", f.item ? nlohmann::json(*f.item) : nlohmann::json()},
            {"item_title", f.item_title ? nlohmann::json(*f.item_title) : nlohmann::json()},
            {"topic", f.topic ? nlohmann::json(*f.topic) : nlohmann::json()},
            {"channel", f.channel},
            {"channel_label", std::string(reach::channel_label(f.channel))},
            {"date", domain::display_date_text(f.day)},
            {"rating", f.rating ? nlohmann::json(*f.rating) : nlohmann::json()},
            {"comment", f.comment ? nlohmann::json(*f.comment) : nlohmann::json()},
            {"status", f.status},
            {"recorded_by", f.recorded_by ? nlohmann::json(*f.recorded_by) : nlohmann::json()},
            {"decided_by", f.decided_by ? nlohmann::json(*f.decided_by) : nlohmann::json()},
            {"decided_at", f.decided_at ? nlohmann::json(*f.decided_at) : nlohmann::json()}};
}

Reply listed(Services& s, Call& call, std::string_view status) {
    std::optional<std::int64_t> item;
    if (!param(call, "item").empty()) item = id_param(call, "item");
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& f : FeedbackStore(s.database()).list(status, item)) rows.push_back(feedback_json(f));
    return json_reply({{"feedback", rows}});
}

Reply decide(Services& s, Call& call, bool approve) {
    FeedbackStore store(s.database());
    const auto id = id_param(call);
    const auto found = store.find(id);
    if (!found) throw not_found("id", "Không có ý kiến số " + std::to_string(id) + ".");
    if (!store.decide(id, approve, call.caller.account, domain::wall_now()))
        throw conflict("id", "Ý kiến số " + std::to_string(id) + " đã được xem xét trước đó.");
    return json_reply(feedback_json(*store.find(id)));
}

Reply record(Services& s, Call& call) {
    Feedback f;
    f.channel = need_string(call, "channel");
    if (!reach::is_channel(f.channel) || f.channel == "web")
        throw invalid("channel",
                      "Kênh \"" + f.channel + "\" không có (hotline, zalo, hop_thu, hop_to_dan_pho, ban_thanh_tra).");
    f.day = parse_date_field("date", need_string(call, "date"));
    f.item = opt_integer(call, "item");
    if (f.item && !library::ItemStore(s.database()).find(*f.item))
        throw not_found("item", "Không có tin, bài số " + std::to_string(*f.item) + " trong thư viện.");
    if (const auto topic = opt_string(call, "topic")) f.topic = checked_topics("topic", {*topic}).front();
    if (!f.item && !f.topic) throw invalid("item", "Cần ghi rõ tin, bài (item) hoặc nội dung (topic) được góp ý.");
    if (const auto rating = opt_integer(call, "rating")) {
        if (*rating < 1 || *rating > 5) throw invalid("rating", "Mức đánh giá phải từ 1 đến 5.");
        f.rating = static_cast<int>(*rating);
    }
    const std::string comment = opt_string(call, "comment").value_or("");
    if (comment.size() > max_comment_bytes) throw invalid("comment", "Ý kiến quá dài (tối đa 4000 byte).");
    if (!comment.empty()) f.comment = comment;
    if (!f.rating && !f.comment)
        throw invalid("comment", "Cần có mức đánh giá (rating) hoặc nội dung ý kiến (comment).");
    f.status = "approved";  // the operator wrote it down: nothing for an approver to screen
    f.recorded_by = call.caller.account;
    FeedbackStore store(s.database());
    return json_reply(feedback_json(*store.find(store.add(f))), 201);
}

}  // namespace

std::vector<Route> feedback_routes(Services& s) {
    return {
        {"GET", "/api/feedback", auth::Permission::read, false, false,
         [&s](Call& c) { return listed(s, c, "approved"); }},
        {"GET", "/api/feedback/pending", auth::Permission::approve, false, false,
         [&s](Call& c) { return listed(s, c, "pending"); }},
        {"POST", "/api/feedback", auth::Permission::library, false, false, [&s](Call& c) { return record(s, c); }},
        {"POST", "/api/feedback/{id}/approve", auth::Permission::approve, false, false,
         [&s](Call& c) { return decide(s, c, true); }},
        {"POST", "/api/feedback/{id}/reject", auth::Permission::approve, false, false,
         [&s](Call& c) { return decide(s, c, false); }},
    };
}

}  // namespace lp::api
