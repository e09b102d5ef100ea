#include "cli/FeedbackCommands.hpp"

#include <iostream>
#include <memory>

#include "cli/Change.hpp"
#include "cli/DaemonLink.hpp"
#include "cli/MediaText.hpp"
#include "cli/OperatorError.hpp"
#include "domain/FeedbackChannels.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "library/ItemStore.hpp"
#include "reach/FeedbackStore.hpp"

namespace lp::cli {
namespace {

using nlohmann::json;

constexpr std::size_t max_comment_bytes = 4000;  // as POST /api/feedback

// The API's row shape (api/FeedbackRoutes.cpp), for the database path.
json row_json(const reach::Feedback& f) {
    return {{"id", f.id},
            {"item", f.item ? json(*f.item) : json()},
            {"item_title", f.item_title ? json(*f.item_title) : json()},
            {"topic", f.topic ? json(*f.topic) : json()},
            {"channel", f.channel},
            {"channel_label", std::string(domain::feedback_channel_label(f.channel))},
            {"date", domain::display_date_text(f.day)},
            {"rating", f.rating ? json(*f.rating) : json()},
            {"comment", f.comment ? json(*f.comment) : json()},
            {"status", f.status},
            {"recorded_by", f.recorded_by ? json(*f.recorded_by) : json()},
            {"decided_by", f.decided_by ? json(*f.decided_by) : json()}};
}

std::string string_or(const json& j, const char* key, const std::string& fallback = "") {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}

// "#12 [Zalo, 05/03/2026] «Dịch vụ công» 4/5: Rất hữu ích"
std::string row_text(const json& f) {
    std::string about = string_or(f, "item_title");
    if (about.empty() && f["item"].is_number()) about = "tin, bài #" + std::to_string(f["item"].get<std::int64_t>());
    if (about.empty()) about = "nội dung " + string_or(f, "topic");
    std::string out = "#" + std::to_string(f.value("id", 0LL)) + " [" + string_or(f, "channel_label") + ", " +
                      string_or(f, "date") + "] «" + about + "»";
    if (f["rating"].is_number()) out += " " + std::to_string(f["rating"].get<int>()) + "/5";
    if (f["comment"].is_string()) out += ": " + f["comment"].get<std::string>();
    return out + "\n";
}

struct ListOptions {
    bool pending = false;
    bool json = false;
};

void run_list(Context& c, const ListOptions& o) {
    c.load();
    json rows;
    if (const auto api = daemon_api(c.config)) {
        const auto res = api->send("GET", o.pending ? "/api/feedback/pending" : "/api/feedback");
        if (res.status != 200)
            throw OperatorError(
                res.body.is_object() && res.body["error"].is_object()
                    ? res.body["error"].value("message", std::string("HTTP ") + std::to_string(res.status))
                    : "HTTP " + std::to_string(res.status));
        rows = res.body["feedback"];
    } else {
        auto db = c.open_database();
        rows = json::array();
        for (const auto& f : reach::FeedbackStore(db).list(o.pending ? "pending" : "approved"))
            rows.push_back(row_json(f));
    }
    print_result({{"feedback", rows}}, o.json, [&](const json& result) {
        const auto& all = result["feedback"];
        if (all.empty()) return std::string(o.pending ? "Không có ý kiến nào chờ duyệt.\n" : "Chưa có ý kiến nào.\n");
        std::string out = o.pending ? "Ý kiến chờ duyệt (" : "Ý kiến đã duyệt (";
        out += std::to_string(all.size()) + "):\n";
        for (const auto& f : all) out += row_text(f);
        return out;
    });
}

struct AddOptions {
    std::string channel;
    std::string date;
    std::int64_t item = 0;
    std::string topic;
    int rating = 0;
    std::string comment;
    std::string by;
    bool json = false;
};

// The checks of POST /api/feedback, here so bad input is named before anything is sent.
reach::Feedback checked(const AddOptions& o) {
    reach::Feedback f;
    if (!domain::is_feedback_channel(o.channel) || o.channel == "web")
        throw OperatorError("--channel \"" + o.channel +
                            "\" không có: hotline (đường dây nóng), zalo, hop_thu (hòm thư góp ý), hop_to_dan_pho (họp "
                            "tổ dân phố), ban_thanh_tra (Ban thanh tra nhân dân).");
    f.channel = o.channel;
    const auto day = domain::parse_date(o.date);
    if (!day) throw OperatorError("--date \"" + o.date + "\" không hợp lệ: ngày nhận ý kiến, dạng dd/mm/yyyy.");
    f.day = *day;
    if (o.item > 0 && !o.topic.empty()) throw OperatorError("Chỉ ghi một trong hai: --item (tin, bài) hoặc --topic.");
    if (o.item <= 0 && o.topic.empty())
        throw OperatorError("Cần --item (mã tin, bài) hoặc --topic (mã nội dung) mà ý kiến nói tới.");
    if (o.item > 0) f.item = o.item;
    if (!o.topic.empty()) f.topic = checked_topics({o.topic}).front();
    if (o.rating != 0 && (o.rating < 1 || o.rating > 5))
        throw OperatorError("--rating " + std::to_string(o.rating) + " không hợp lệ: mức đánh giá từ 1 đến 5.");
    if (o.rating != 0) f.rating = o.rating;
    if (o.comment.size() > max_comment_bytes) throw OperatorError("--comment quá dài (tối đa 4000 byte).");
    if (!o.comment.empty()) f.comment = o.comment;
    if (!f.rating && !f.comment) throw OperatorError("Cần --rating (1-5) hoặc --comment (nội dung ý kiến).");
    return f;
}

std::string added_text(const json& f) { return "Đã ghi ý kiến " + row_text(f); }

void run_add(Context& c, const AddOptions& o) {
    c.load();
    auto f = checked(o);
    json body{{"channel", f.channel}, {"date", o.date}};
    if (f.item) body["item"] = *f.item;
    if (f.topic) body["topic"] = *f.topic;
    if (f.rating) body["rating"] = *f.rating;
    if (f.comment) body["comment"] = *f.comment;
    if (via_daemon(c, {"POST", "/api/feedback", body}, o.json, added_text)) return;
    if (o.by.empty()) throw OperatorError("Cần --by: tên người ghi ý kiến (khi loaphuongd không chạy).");
    auto db = c.open_database();
    if (f.item && !library::ItemStore(db).find(*f.item))
        throw OperatorError("Không có tin, bài số " + std::to_string(*f.item) + " trong thư viện.");
    f.status = "approved";  // recorded by the operator, as the API does
    f.recorded_by = o.by;
    reach::FeedbackStore store(db);
    print_result(row_json(*store.find(store.add(f))), o.json, added_text);
}

struct DecideOptions {
    std::int64_t id = 0;
    std::string by;
    bool json = false;
};

void run_decide(Context& c, const DecideOptions& o, bool approve) {
    c.load();
    const ResultText text = [approve](const json& f) {
        return std::string(approve ? "Đã duyệt ý kiến " : "Đã từ chối ý kiến ") + row_text(f);
    };
    if (via_daemon(c, {"POST", api_path("/api/feedback", o.id, approve ? "/approve" : "/reject")}, o.json, text))
        return;
    if (o.by.empty()) throw OperatorError("Cần --by: tên người duyệt (khi loaphuongd không chạy).");
    auto db = c.open_database();
    reach::FeedbackStore store(db);
    if (!store.find(o.id)) throw OperatorError("Không có ý kiến số " + std::to_string(o.id) + ".");
    if (!store.decide(o.id, approve, o.by, domain::wall_now()))
        throw OperatorError("Ý kiến số " + std::to_string(o.id) + " đã được xem xét trước đó.");
    print_result(row_json(*store.find(o.id)), o.json, text);
}

void decide_command(CLI::App& feedback, Context& context, bool approve) {
    auto o = std::make_shared<DecideOptions>();
    auto* cmd = feedback.add_subcommand(approve ? "approve" : "reject",
                                        approve ? "Duyệt một ý kiến (được hiện cho cán bộ và vào báo cáo)"
                                                : "Từ chối một ý kiến (không hiện, không vào báo cáo)");
    cmd->add_option("ID", o->id, "Mã ý kiến")->required();
    cmd->add_option("--by", o->by, "Người duyệt (chỉ dùng khi loaphuongd không chạy)");
    add_json_flag(cmd, o->json);
    cmd->callback([&context, o, approve] { run_decide(context, *o, approve); });
}

}  // namespace

void add_feedback_commands(CLI::App& app, Context& context) {
    auto* feedback = app.add_subcommand("feedback", "Ý kiến của người dân về tin, bài (đánh giá, góp ý)");
    feedback->require_subcommand(1);

    auto l = std::make_shared<ListOptions>();
    auto* list = feedback->add_subcommand("list", "Liệt kê ý kiến đã duyệt (hoặc chờ duyệt với --pending)");
    list->add_flag("--pending", l->pending, "Ý kiến gửi từ trang nghe lại đang chờ duyệt");
    add_json_flag(list, l->json);
    list->callback([&context, l] { run_list(context, *l); });

    auto a = std::make_shared<AddOptions>();
    auto* add = feedback->add_subcommand("add", "Ghi ý kiến nhận qua kênh khác (đường dây nóng, Zalo, hòm thư...)");
    add->add_option("--channel", a->channel, "hotline, zalo, hop_thu, hop_to_dan_pho, ban_thanh_tra")->required();
    add->add_option("--date", a->date, "Ngày nhận ý kiến, dd/mm/yyyy")->required();
    add->add_option("--item", a->item, "Mã tin, bài mà ý kiến nói tới");
    add->add_option("--topic", a->topic, "Mã nội dung (khi ý kiến không về một tin, bài): a b c d dd e g h i k l m n");
    add->add_option("--rating", a->rating, "Mức đánh giá 1-5");
    add->add_option("--comment", a->comment, "Nội dung ý kiến");
    add->add_option("--by", a->by, "Người ghi (chỉ dùng khi loaphuongd không chạy)");
    add_json_flag(add, a->json);
    add->callback([&context, a] { run_add(context, *a); });

    decide_command(*feedback, context, true);
    decide_command(*feedback, context, false);
}

}  // namespace lp::cli
