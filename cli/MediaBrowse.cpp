#include "cli/MediaBrowse.hpp"

#include <chrono>
#include <iostream>
#include <memory>

#include "api/MediaJson.hpp"
#include "cli/Change.hpp"
#include "cli/MediaText.hpp"
#include "cli/OperatorError.hpp"
#include "db/Store.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"
#include "library/ItemStore.hpp"

namespace lp::cli {
namespace {

struct MediaListOptions {
    std::string topic, form, valid_on, search;
    bool all = false;
};

struct EditOptions {
    std::int64_t id = 0;
    std::string title, form, source, note, valid_from, valid_until;
    std::vector<std::string> topics;
    CLI::Option *title_opt = nullptr, *topic_opt = nullptr, *form_opt = nullptr, *source_opt = nullptr,
                *note_opt = nullptr, *from_opt = nullptr, *until_opt = nullptr;
    bool json = false;
};

domain::LocalDate today(const Context& context) {
    return domain::local_date(domain::zone(context.config.time_zone), domain::wall_now());
}

library::Item existing(library::ItemStore& store, std::int64_t id) {
    auto item = store.find(id);
    if (!item) throw OperatorError("Không có tin, bài mã #" + std::to_string(id) + " trong thư viện.");
    return *item;
}

void print_terms(std::span<const domain::Term> terms) {
    for (const auto& t : terms) std::cout << t.code << "\t" << t.label << '\n';
}

void run_media_list(Context& context, const MediaListOptions& o) {
    context.load();
    library::ItemFilter filter;
    if (!o.topic.empty()) filter.topic = checked_topics({o.topic}).front();
    if (!o.form.empty()) filter.form = checked_form(o.form);
    filter.valid_on = date_option("--valid-on", o.valid_on);
    if (!o.search.empty()) filter.text = o.search;
    filter.include_retired = o.all;
    auto db = context.open_database();
    library::ItemStore store(db);
    const auto items = store.list(filter);
    const auto day = today(context);
    for (const auto& item : items) std::cout << list_line(item, day) << '\n';
    std::cerr << items.size() << " tin, bài.\n";
}

void run_show(Context& context, std::int64_t id) {
    context.load();
    auto db = context.open_database();
    library::ItemStore store(db);
    const auto item = existing(store, id);
    std::cout << details(item, today(context), store.airings(id));
}

// The PATCH /api/media/{id} body of the options given (an empty value clears the field).
nlohmann::json edit_body(const EditOptions& o) {
    nlohmann::json body = nlohmann::json::object();
    const auto date_or_null = [](const std::string& option, const std::string& text) {
        const auto d = date_option(option, text);
        return d ? nlohmann::json(domain::display_date_text(*d)) : nlohmann::json(nullptr);
    };
    if (o.title_opt->count() > 0) {
        if (o.title.find_first_not_of(' ') == std::string::npos) throw OperatorError("--title: tiêu đề trống.");
        body["title"] = o.title;
    }
    if (o.topic_opt->count() > 0) body["topics"] = checked_topics(o.topics);
    if (o.form_opt->count() > 0) body["form"] = checked_form(o.form);
    if (o.source_opt->count() > 0)
        body["source"] = o.source.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.source);
    if (o.note_opt->count() > 0) body["note"] = o.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.note);
    if (o.from_opt->count() > 0) body["valid_from"] = date_or_null("--valid-from", o.valid_from);
    if (o.until_opt->count() > 0) body["valid_until"] = date_or_null("--valid-until", o.valid_until);
    return body;
}

void run_edit(Context& context, const EditOptions& o) {
    context.load();
    const auto body = edit_body(o);
    const ResultText text = [](const nlohmann::json& item) {
        return "Đã sửa #" + std::to_string(item.value("id", 0LL)) + " \"" + item.value("title", std::string{}) +
               "\".\n";
    };
    if (via_daemon(context, {"PATCH", api_path("/api/media", o.id), body}, o.json, text)) return;
    auto db = context.open_database();
    library::ItemStore store(db);
    auto item = existing(store, o.id);
    if (o.title_opt->count() > 0) item.title = o.title;
    if (o.topic_opt->count() > 0) item.topics = checked_topics(o.topics);
    if (o.form_opt->count() > 0) item.form = o.form;
    // An empty value clears an optional field: --valid-until "" removes the end date.
    if (o.source_opt->count() > 0) item.source = o.source.empty() ? std::nullopt : std::optional(o.source);
    if (o.note_opt->count() > 0) item.note = o.note.empty() ? std::nullopt : std::optional(o.note);
    if (o.from_opt->count() > 0) item.valid_from = date_option("--valid-from", o.valid_from);
    if (o.until_opt->count() > 0) item.valid_until = date_option("--valid-until", o.valid_until);
    check_validity(item.valid_from, item.valid_until);
    sqlite::Transaction tx(db);
    store.update(item);
    tx.commit();
    db::announce_schedule_change(context.config.database);
    print_result(api::item_json(store, existing(store, o.id), today(context)), o.json, text);
}

void run_retire(Context& context, std::int64_t id, bool json) {
    context.load();
    const ResultText text = [](const nlohmann::json& item) {
        return "Đã ngừng dùng #" + std::to_string(item.value("id", 0LL)) + " \"" + item.value("title", std::string{}) +
               "\": không xếp lịch phát nữa; tệp và các dòng nhật ký tham chiếu vẫn được giữ.\n";
    };
    if (via_daemon(context, {"POST", api_path("/api/media", id, "/retire")}, json, text)) return;
    auto db = context.open_database();
    library::ItemStore store(db);
    existing(store, id);
    store.retire(id, domain::wall_now());
    db::announce_schedule_change(context.config.database);
    print_result(api::item_json(store, existing(store, id), today(context)), json, text);
}

}  // namespace

void add_browse_commands(CLI::App& media, Context& context) {
    media.add_subcommand("topics", "Các mã nội dung (mục II.1 của kế hoạch)")->callback([] {
        print_terms(domain::topics());
    });
    media.add_subcommand("forms", "Các hình thức thể hiện")->callback([] { print_terms(domain::forms()); });

    auto list = std::make_shared<MediaListOptions>();
    auto* list_cmd = media.add_subcommand("list", "Liệt kê tin, bài");
    list_cmd->add_option("--topic", list->topic, "Chỉ nội dung này");
    list_cmd->add_option("--form", list->form, "Chỉ hình thức này");
    list_cmd->add_option("--valid-on", list->valid_on, "Chỉ tin, bài được phát vào ngày này (dd/mm/yyyy)");
    list_cmd->add_option("--search", list->search, "Tìm trong tiêu đề (không phân biệt dấu: \"cai cach\")");
    list_cmd->add_flag("--all", list->all, "Kể cả tin, bài đã ngừng dùng");
    list_cmd->callback([&context, list] { run_media_list(context, *list); });

    auto show_id = std::make_shared<std::int64_t>(0);
    auto* show_cmd = media.add_subcommand("show", "Xem chi tiết một tin, bài");
    show_cmd->add_option("ID", *show_id, "Mã tin, bài")->required();
    show_cmd->callback([&context, show_id] { run_show(context, *show_id); });

    auto edit = std::make_shared<EditOptions>();
    auto* edit_cmd = media.add_subcommand("edit", "Sửa thông tin một tin, bài (tệp âm thanh không đổi)");
    edit_cmd->add_option("ID", edit->id, "Mã tin, bài")->required();
    edit->title_opt = edit_cmd->add_option("--title", edit->title, "Tiêu đề mới");
    edit->topic_opt =
        edit_cmd->add_option("--topic", edit->topics, "Mã nội dung (thay toàn bộ), lặp lại được")->delimiter(',');
    edit->form_opt = edit_cmd->add_option("--form", edit->form, "Hình thức");
    edit->source_opt = edit_cmd->add_option("--source", edit->source, "Nguồn (\"\" để xóa)");
    edit->note_opt = edit_cmd->add_option("--note", edit->note, "Ghi chú (\"\" để xóa)");
    edit->from_opt = edit_cmd->add_option("--valid-from", edit->valid_from, "Phát từ ngày (\"\" để bỏ)");
    edit->until_opt = edit_cmd->add_option("--valid-until", edit->valid_until, "Phát đến hết ngày (\"\" để bỏ)");
    add_json_flag(edit_cmd, edit->json);
    edit_cmd->callback([&context, edit] { run_edit(context, *edit); });

    auto retire_id = std::make_shared<std::int64_t>(0);
    auto* retire_cmd = media.add_subcommand("retire", "Ngừng dùng một tin, bài (giữ tệp và nhật ký)");
    auto retire_json = std::make_shared<bool>(false);
    retire_cmd->add_option("ID", *retire_id, "Mã tin, bài")->required();
    add_json_flag(retire_cmd, *retire_json);
    retire_cmd->callback([&context, retire_id, retire_json] { run_retire(context, *retire_id, *retire_json); });
}

}  // namespace lp::cli
