#include "api/MediaRoutes.hpp"

#include <chrono>

#include "api/MediaJson.hpp"
#include "api/Params.hpp"
#include "api/Spoken.hpp"
#include "api/Zone.hpp"
#include "db/Store.hpp"
#include "domain/WallClock.hpp"
#include "http/Assets.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"

namespace lp::api {
namespace {

using auth::Permission;

library::Item existing(library::ItemStore& store, std::int64_t id) {
    auto item = store.find(id);
    if (!item) throw not_found("id", "Không có tin, bài mã #" + std::to_string(id) + " trong thư viện.");
    return *item;
}

std::optional<domain::LocalDate> optional_date(const std::string& field, const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    return parse_date_field(field, *text);
}

void check_validity(const std::optional<domain::LocalDate>& from, const std::optional<domain::LocalDate>& until) {
    if (from && until && *until < *from)
        throw invalid("valid_until", "Ngày hết hạn phát (" + domain::display_date_text(*until) +
                                         ") đứng trước ngày bắt đầu phát (" + domain::display_date_text(*from) + ").");
}

// The item's description from query parameters (upload) or JSON fields (say), checked
// before any file is touched.
library::ImportRequest describe_from_params(const Call& call) {
    library::ImportRequest r;
    const auto text = [&](const std::string& name) -> std::optional<std::string> {
        const auto v = param(call, name);
        return v.empty() ? std::nullopt : std::optional(v);
    };
    r.title = text("title");
    r.topics = text("topic") ? checked_topics("topic", split_list(*text("topic"))) : std::vector<std::string>{};
    r.form = text("form") ? checked_form("form", *text("form")) : "other";
    r.source = text("source");
    r.note = text("note");
    r.valid_from = optional_date("valid_from", text("valid_from"));
    r.valid_until = optional_date("valid_until", text("valid_until"));
    check_validity(r.valid_from, r.valid_until);
    return r;
}

library::ImportRequest describe_from_body(const Call& call) {
    library::ImportRequest r;
    r.title = opt_string(call, "title");
    if (auto t = opt_strings(call, "topics")) r.topics = checked_topics("topics", *t);
    if (auto f = opt_string(call, "form")) r.form = checked_form("form", *f);
    r.source = opt_string(call, "source");
    r.note = opt_string(call, "note");
    r.valid_from = optional_date("valid_from", opt_string(call, "valid_from"));
    r.valid_until = optional_date("valid_until", opt_string(call, "valid_until"));
    check_validity(r.valid_from, r.valid_until);
    return r;
}

Reply imported(Services& s, sqlite::Database& db, const library::ImportResult& result) {
    library::ItemStore store(db);
    s.publish("media", {{"id", result.item.id}});
    Reply reply;
    reply.status = result.duplicate ? 200 : 201;
    reply.body = {{"item", item_json(store, result.item, today(s))}, {"duplicate", result.duplicate}};
    return reply;
}

Reply list_media(Services& s, Call& call) {
    library::ItemFilter filter;
    if (const auto t = param(call, "topic"); !t.empty()) filter.topic = checked_topics("topic", {t}).front();
    if (const auto f = param(call, "form"); !f.empty()) filter.form = checked_form("form", f);
    if (const auto d = param(call, "valid_on"); !d.empty()) filter.valid_on = parse_date_field("valid_on", d);
    if (const auto q = param(call, "search"); !q.empty()) filter.text = q;
    const auto all = param(call, "all");
    filter.include_retired = all == "1" || all == "true";
    const auto approval = param(call, "approval");
    if (!approval.empty() && approval != "pending" && !library::approval_from_code(approval))
        throw invalid("approval",
                      "Trạng thái duyệt \"" + approval + "\" không có (pending, approved, rejected, revoked).");
    library::ItemStore store(s.database());
    auto items = nlohmann::json::array();
    const auto day = today(s);
    for (const auto& item : store.list(filter)) {
        auto j = item_json(store, item, day);
        if (!approval.empty() && j["approval"]["state"] != approval) continue;
        items.push_back(std::move(j));
    }
    return json_reply({{"items", std::move(items)}});
}

Reply show(Services& s, Call& call) {
    library::ItemStore store(s.database());
    return json_reply(item_details_json(store, existing(store, id_param(call)), today(s)));
}

Reply listen(Services& s, Call& call) {
    library::ItemStore store(s.database());
    const auto item = existing(store, id_param(call));
    Reply reply;
    reply.file = item.file;  // the library's own path, never the request's
    reply.content_type = http::content_type_for(item.file);
    return reply;
}

Reply upload(Services& s, Call& call) {
    if (!call.upload) throw bad_request("", "Thiếu tệp âm thanh trong nội dung yêu cầu.");
    auto request = describe_from_params(call);
    request.file = *call.upload;
    // The client's name is for the title and the record only, never a path.
    const auto name = std::filesystem::path(call.upload_name).filename().string();
    if (!name.empty()) {
        request.original_name = name;
        if (!request.title) request.title = std::filesystem::path(name).stem().string();
    }
    auto db = db::open_store(s.database_path());
    library::Importer importer(db, s.config()->media_dir);
    try {
        return imported(s, db, importer.import(request));
    } catch (const audio::Rejected& e) {
        throw ApiError(415, "file", rejection_message(e));
    }
}

Reply say(Services& s, Call& call) {
    const auto text = need_string(call, "text");
    auto request = describe_from_body(call);
    auto db = db::open_store(s.database_path());
    return imported(s, db, import_spoken(s, db, text, std::move(request)));
}

Reply edit(Services& s, Call& call) {
    library::ItemStore store(s.database());
    auto item = existing(store, id_param(call));
    if (item.retired_at)
        throw conflict("id", "Tin, bài #" + std::to_string(item.id) + " đã ngừng dùng, không sửa được.");
    if (auto t = opt_string(call, "title")) {
        if (t->find_first_not_of(" \t") == std::string::npos) throw invalid("title", "Tiêu đề không được để trống.");
        item.title = *t;
    } else if (is_null_field(call, "title")) {
        throw invalid("title", "Tiêu đề không được để trống.");
    }
    if (auto t = opt_strings(call, "topics")) item.topics = checked_topics("topics", *t);
    if (auto f = opt_string(call, "form")) item.form = checked_form("form", *f);
    for (const auto* field : {"source", "note"}) {
        auto& target = std::string(field) == "source" ? item.source : item.note;
        if (auto v = opt_string(call, field))
            target = v->empty() ? std::nullopt : std::optional(*v);
        else if (is_null_field(call, field))
            target.reset();
    }
    if (auto v = opt_string(call, "valid_from"))
        item.valid_from = optional_date("valid_from", v);
    else if (is_null_field(call, "valid_from"))
        item.valid_from.reset();
    if (auto v = opt_string(call, "valid_until"))
        item.valid_until = optional_date("valid_until", v);
    else if (is_null_field(call, "valid_until"))
        item.valid_until.reset();
    check_validity(item.valid_from, item.valid_until);
    {
        sqlite::Transaction tx(s.database());
        store.update(item);
        tx.commit();
    }
    s.rules_changed();
    s.publish("media", {{"id", item.id}});
    return json_reply(item_json(store, item, today(s)));
}

Reply tags(Services& s, Call& call) {
    library::ItemStore store(s.database());
    const auto id = id_param(call);
    existing(store, id);
    auto add = opt_strings(call, "add").value_or(std::vector<std::string>{});
    auto remove = opt_strings(call, "remove").value_or(std::vector<std::string>{});
    for (const auto* field : {"add", "remove"})
        for (const auto& t : std::string(field) == "add" ? add : remove)
            if (t.find_first_not_of(' ') == std::string::npos || t.find(',') != std::string::npos)
                throw invalid(field, "Nhãn \"" + t + "\" không hợp lệ (không trống, không có dấu phẩy).");
    if (add.empty() && remove.empty()) throw bad_request("add", "Cần \"add\" hoặc \"remove\": danh sách nhãn.");
    store.set_tags(id, add, remove);
    s.rules_changed();
    s.publish("media", {{"id", id}});
    return json_reply({{"id", id}, {"tags", store.tags(id)}});
}

Reply decide(Services& s, Call& call, library::ApprovalState state) {
    library::ItemStore store(s.database());
    const auto item = existing(store, id_param(call));
    std::optional<std::string> comment;
    if (state == library::ApprovalState::approved) {
        comment = opt_string(call, "comment");
        if (item.retired_at)
            throw conflict("id", "Tin, bài #" + std::to_string(item.id) + " đã ngừng dùng, không duyệt được.");
    } else {
        comment = need_string(call, "comment");
    }
    if (state == library::ApprovalState::revoked) {
        const auto current = store.approval(item.id);
        if (!current || current->state != library::ApprovalState::approved)
            throw conflict("id", "Tin, bài #" + std::to_string(item.id) + " chưa được duyệt nên không thu hồi được.");
    }
    store.decide(item.id, state, call.caller.account, comment);
    s.rules_changed();
    s.publish("media", {{"id", item.id}});
    return json_reply(item_json(store, item, today(s)));
}

Reply retire(Services& s, Call& call) {
    library::ItemStore store(s.database());
    auto item = existing(store, id_param(call));
    if (item.retired_at) throw conflict("id", "Tin, bài #" + std::to_string(item.id) + " đã ngừng dùng từ trước.");
    store.retire(item.id, domain::wall_now());
    s.rules_changed();
    s.publish("media", {{"id", item.id}});
    return json_reply(item_json(store, existing(store, item.id), today(s)));
}

}  // namespace

std::vector<Route> media_routes(Services& s) {
    using library::ApprovalState;
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    const auto d = [&s](ApprovalState st) { return [&s, st](Call& c) { return decide(s, c, st); }; };
    return {
        {"GET", "/api/media", Permission::read, false, false, h(list_media)},
        {"POST", "/api/media", Permission::library, true, true, h(upload)},
        {"POST", "/api/media/say", Permission::library, true, false, h(say)},
        {"GET", "/api/media/{id}", Permission::read, false, false, h(show)},
        {"GET", "/api/media/{id}/audio", Permission::read, false, false, h(listen)},
        {"PATCH", "/api/media/{id}", Permission::library, false, false, h(edit)},
        {"POST", "/api/media/{id}/tags", Permission::library, false, false, h(tags)},
        {"POST", "/api/media/{id}/approve", Permission::approve, false, false, d(ApprovalState::approved)},
        {"POST", "/api/media/{id}/reject", Permission::approve, false, false, d(ApprovalState::rejected)},
        {"POST", "/api/media/{id}/revoke", Permission::approve, false, false, d(ApprovalState::revoked)},
        {"POST", "/api/media/{id}/retire", Permission::library, false, false, h(retire)},
    };
}

}  // namespace lp::api
