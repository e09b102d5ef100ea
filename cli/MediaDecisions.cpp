#include "cli/MediaDecisions.hpp"

#include <chrono>
#include <memory>

#include "api/MediaJson.hpp"
#include "cli/Change.hpp"
#include "cli/OperatorError.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "library/ItemStore.hpp"

namespace lp::cli {
namespace {

using library::ApprovalState;

struct DecisionOptions {
    std::int64_t id = 0;
    std::string by;
    std::string comment;
    bool json = false;
};

const char* verb(ApprovalState s) {
    switch (s) {
        case ApprovalState::approved: return "approve";
        case ApprovalState::rejected: return "reject";
        case ApprovalState::revoked: return "revoke";
    }
    return "approve";
}

std::string done_text(ApprovalState s, const nlohmann::json& item, const std::string& by) {
    const std::string who = by.empty() ? "" : " (" + by + ")";
    const std::string what =
        "tin, bài #" + std::to_string(item.value("id", 0LL)) + " \"" + item.value("title", std::string{}) + "\"";
    switch (s) {
        case ApprovalState::approved: return "Đã ghi nhận duyệt " + what + who + ": được phát.\n";
        case ApprovalState::rejected: return "Đã từ chối " + what + who + ": không được phát.\n";
        case ApprovalState::revoked:
            return "Đã thu hồi duyệt " + what + who + ": không phát từ lần chọn tiếp theo (đang phát thì không cắt).\n";
    }
    return "";
}

// The same checks and shape as POST /api/media/{id}/<verb>, on the database.
nlohmann::json decide_directly(Context& c, ApprovalState s, const DecisionOptions& o) {
    if (o.by.empty()) throw OperatorError("Cần --by: tên người duyệt (khi loaphuongd không chạy).");
    auto db = c.open_database();
    library::ItemStore store(db);
    const auto item = store.find(o.id);
    if (!item) throw OperatorError("Không có tin, bài số " + std::to_string(o.id) + " trong thư viện.");
    if (s == ApprovalState::approved && item->retired_at)
        throw OperatorError("Tin, bài #" + std::to_string(o.id) + " đã ngừng dùng, không duyệt được.");
    if (s == ApprovalState::revoked) {
        const auto current = store.approval(o.id);
        if (!current || current->state != ApprovalState::approved)
            throw OperatorError("Tin, bài #" + std::to_string(o.id) + " chưa được duyệt nên không thu hồi được.");
    }
    store.decide(o.id, s, o.by, o.comment.empty() ? std::nullopt : std::optional(o.comment));
    db::announce_schedule_change(c.config.database);
    const auto today = domain::local_date(domain::zone(c.config.time_zone), domain::wall_now());
    return api::item_json(store, *store.find(o.id), today);
}

void run_decision(Context& c, ApprovalState s, const DecisionOptions& o) {
    c.load();
    if (s != ApprovalState::approved && o.comment.find_first_not_of(" \t") == std::string::npos)
        throw OperatorError("Cần --comment: lý do " +
                            std::string(s == ApprovalState::rejected ? "từ chối" : "thu hồi") +
                            " (người biên tập sẽ đọc).");
    nlohmann::json body = nlohmann::json::object();
    if (!o.comment.empty()) body["comment"] = o.comment;
    const ResultText text = [s](const nlohmann::json& item) {
        const auto& approval = item["approval"];
        return done_text(s, item, approval.is_object() ? approval.value("by", std::string{}) : std::string{});
    };
    if (via_daemon(c, {"POST", api_path("/api/media", o.id, std::string("/") + verb(s)), body}, o.json, text)) return;
    print_result(decide_directly(c, s, o), o.json, text);
}

CLI::App* decision_command(CLI::App& parent, Context& context, ApprovalState s, const std::string& name,
                           const std::string& help) {
    auto o = std::make_shared<DecisionOptions>();
    auto* cmd = parent.add_subcommand(name, help);
    cmd->add_option("ID", o->id, "Mã tin, bài")->required();
    cmd->add_option("--by", o->by,
                    "Người quyết định (chỉ dùng khi loaphuongd không chạy; khi chạy: tài khoản của mã truy cập)");
    cmd->add_option("--comment", o->comment,
                    s == ApprovalState::approved ? "Ghi chú" : "Lý do (bắt buộc), người biên tập sẽ đọc");
    add_json_flag(cmd, o->json);
    cmd->callback([&context, s, o] { run_decision(context, s, *o); });
    return cmd;
}

}  // namespace

void add_decision_commands(CLI::App& media, Context& context) {
    decision_command(media, context, ApprovalState::approved, "approve", "Duyệt một tin, bài để được phát");
    decision_command(media, context, ApprovalState::rejected, "reject", "Từ chối một tin, bài (không phát)");
    decision_command(media, context, ApprovalState::revoked, "revoke",
                     "Thu hồi duyệt của một tin, bài (không phát từ lần chọn tiếp theo)");
}

void add_approve_command(CLI::App& app, Context& context) {
    decision_command(app, context, ApprovalState::approved, "approve",
                     "Duyệt một tin, bài để được phát (như media approve)");
}

}  // namespace lp::cli
