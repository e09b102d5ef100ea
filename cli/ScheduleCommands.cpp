#include "cli/ScheduleCommands.hpp"

#include <date/tz.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/Change.hpp"
#include "cli/DaemonLink.hpp"
#include "cli/DaemonLinkError.hpp"
#include "cli/MediaDecisions.hpp"
#include "cli/OperatorError.hpp"
#include "cli/ScheduleParse.hpp"
#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "domain/WallClock.hpp"
#include "export/Csv.hpp"
#include "export/TableXlsx.hpp"
#include "journal/AiringHistory.hpp"
#include "library/ItemStore.hpp"
#include "scheduler/Preview.hpp"
#include "scheduler/RuleStore.hpp"

namespace lp::cli {
namespace {

using scheduler::Entry;

struct SlotOptions {
    std::string name, days = "all", start, length = "60m", from, until, skip, outputs;
    std::vector<scheduler::ItemId> items;
    std::vector<std::string> pools;
    scheduler::ItemId opening = 0, closing = 0;
    bool json = false;
};

struct OneOffOptions {
    scheduler::ItemId item = 0;
    std::string at, priority = "thuong", gap = "0s", outputs, by;
    int repeat = 1;
    bool json = false;
};

struct ShowOptions {
    std::string date, week, month, format = "text", output;
};

const date::time_zone* zone_of(const Context& c) { return domain::zone(c.config.time_zone); }

void check_outputs(const Context& c, const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (std::ranges::find(c.config.outputs, n, &config::OutputConfig::name) == c.config.outputs.end())
            throw OperatorError("Không có đầu ra tên \"" + n + "\" trong cấu hình.");
}

void check_item(const scheduler::Rules& rules, scheduler::ItemId id, const std::string& option) {
    if (!rules.item(id))
        throw OperatorError(option + " " + std::to_string(id) + ": không có tin, bài số này trong thư viện " +
                            "(xem: loaphuong media list).");
}

// PUT /api/slots/{name}'s body: the slot as checked here, saved even when it overlaps another
// (as this command always did; the overlaps are printed as warnings).
nlohmann::json slot_body(const scheduler::Slot& s) {
    const auto date = [](const std::optional<domain::LocalDate>& d) {
        return d ? nlohmann::json(domain::display_date_text(*d)) : nlohmann::json(nullptr);
    };
    nlohmann::json body{{"start", domain::duration_text(s.start_of_day).substr(0, 5)},
                        {"days", s.days},
                        {"length", std::to_string(s.max_length.count()) + "s"},
                        {"from", date(s.first_day)},
                        {"until", date(s.last_day)},
                        {"skip", nlohmann::json::array()},
                        {"outputs", s.outputs},
                        {"items", nlohmann::json::array()},
                        {"pools", nlohmann::json::array()},
                        {"force", true}};
    for (const auto& d : s.skipped_days) body["skip"].push_back(domain::display_date_text(d));
    for (const auto& e : s.programme) {
        switch (e.kind) {
            case Entry::Kind::opening_jingle: body["opening"] = e.item; break;
            case Entry::Kind::closing_jingle: body["closing"] = e.item; break;
            case Entry::Kind::fixed: body["items"].push_back(e.item); break;
            case Entry::Kind::pool:
                body["pools"].push_back({{"count", e.count},
                                         {"topics", e.filter.topics},
                                         {"forms", e.filter.forms},
                                         {"tags", e.filter.tags}});
                break;
        }
    }
    return body;
}

void run_slot_set(Context& c, const SlotOptions& o) {
    c.load();
    scheduler::Slot s;
    s.name = o.name;
    s.days = parse_days("--days", o.days);
    s.start_of_day = parse_time_option("--start", o.start);
    s.max_length = parse_duration_option("--length", o.length);
    if (!o.from.empty()) s.first_day = parse_date_option("--from", o.from);
    if (!o.until.empty()) s.last_day = parse_date_option("--until", o.until);
    if (s.first_day && s.last_day && *s.last_day < *s.first_day)
        throw OperatorError("Ngày --until (" + o.until + ") đứng trước ngày --from (" + o.from + ").");
    for (const auto& d : split_list(o.skip)) s.skipped_days.push_back(parse_date_option("--skip", d));
    s.outputs = split_list(o.outputs);
    check_outputs(c, s.outputs);
    if (o.opening) s.programme.push_back({Entry::Kind::opening_jingle, o.opening, 1, {}});
    for (const auto id : o.items) s.programme.push_back({Entry::Kind::fixed, id, 1, {}});
    for (const auto& p : o.pools) s.programme.push_back(parse_pool(p));
    if (o.closing) s.programme.push_back({Entry::Kind::closing_jingle, o.closing, 1, {}});
    if (s.programme.empty()) throw OperatorError("Khung giờ cần ít nhất một --item hoặc --pool.");
    const ResultText text = [&s](const nlohmann::json& r) {
        if (r.contains("warnings") && r["warnings"].is_array())
            for (const auto& w : r["warnings"]) std::cerr << "Cảnh báo: " << w.get<std::string>() << '\n';
        return "Đã lưu khung giờ \"" + s.name + "\".\n";
    };
    if (via_daemon(c, {"PUT", "/api/slots/" + path_segment(s.name), slot_body(s)}, o.json, text)) return;
    auto db = db::open_store(c.config.database);
    scheduler::RuleStore store(db);
    const auto rules = store.load();
    const auto option = [](Entry::Kind k) {
        return k == Entry::Kind::opening_jingle   ? "--opening"
               : k == Entry::Kind::closing_jingle ? "--closing"
                                                  : "--item";
    };
    for (const auto& e : s.programme)
        if (e.kind != Entry::Kind::pool) check_item(rules, e.item, option(e.kind));
    store.save_slot(s);
    db::announce_schedule_change(c.config.database);
    print_result({{"saved", true}, {"slot", {{"name", s.name}}}, {"warnings", nlohmann::json::array()}}, o.json, text);
}

void run_slot_list(Context& c) {
    c.load();
    auto db = c.open_database();
    const auto rules = scheduler::RuleStore(db).load();
    if (rules.slots.empty()) std::cout << "Chưa có khung giờ nào.\n";
    for (const auto& s : rules.slots) {
        std::string days;
        static const char* names[] = {"CN", "T2", "T3", "T4", "T5", "T6", "T7"};
        for (unsigned d : s.days) days += (days.empty() ? "" : ",") + std::string(names[d % 7]);
        std::cout << s.name << ": "
                  << (s.relative_start ? "+" + std::to_string(s.relative_start->count()) + "s"
                                       : domain::duration_text(s.start_of_day).substr(0, 5))
                  << ", " << days << ", tối đa " << s.max_length.count() / 60 << " phút, " << s.programme.size()
                  << " mục" << (s.outputs.empty() ? "" : ", đầu ra " + s.outputs.front()) << '\n';
    }
}

void run_slot_remove(Context& c, const std::string& name, bool json) {
    c.load();
    const ResultText text = [](const nlohmann::json& r) {
        return "Đã xoá khung giờ \"" + r.value("removed", std::string{}) + "\".\n";
    };
    if (via_daemon(c, {"DELETE", "/api/slots/" + path_segment(name)}, json, text)) return;
    auto db = c.open_database();
    if (!scheduler::RuleStore(db).remove_slot(name)) throw OperatorError("Không có khung giờ tên \"" + name + "\".");
    db::announce_schedule_change(c.config.database);
    print_result({{"removed", name}}, json, text);
}

void run_oneoff_add(Context& c, const OneOffOptions& o) {
    c.load();
    const auto* tz = zone_of(c);
    scheduler::OneOff one;
    one.item = o.item;
    one.at = parse_instant_option("--at", o.at, tz);
    one.priority = parse_priority(o.priority);
    if (o.repeat < 1 || o.repeat > 100) throw OperatorError("--repeat phải từ 1 đến 100.");
    one.repeat = o.repeat;
    one.gap = o.repeat > 1 ? parse_duration_option("--gap", o.gap) : std::chrono::seconds{0};
    one.outputs = split_list(o.outputs);
    check_outputs(c, one.outputs);
    const ResultText text = [&](const nlohmann::json& r) {
        if (r.contains("warning") && r["warning"].is_string())
            std::cerr << "Lưu ý: " << r["warning"].get<std::string>() << '\n';
        return "Đã đặt lịch phát đột xuất số " + std::to_string(r.value("id", 0LL)) + " (" +
               std::string(scheduler::priority_label(one.priority)) + ") lúc " + domain::local_time_text(tz, one.at) +
               " " + domain::local_date_text(tz, one.at) + ".\n";
    };
    nlohmann::json body{{"item", o.item},
                        {"at", o.at == "now" ? std::string("now")
                                             : domain::local_date_text(tz, one.at) + " " +
                                                   domain::local_time_text(tz, one.at).substr(0, 5)},
                        {"priority", o.priority},
                        {"repeat", o.repeat},
                        {"outputs", one.outputs}};
    if (o.repeat > 1) body["gap"] = o.gap;
    if (via_daemon(c, {"POST", "/api/oneoffs", body}, o.json, text)) return;
    auto db = db::open_store(c.config.database);
    scheduler::RuleStore store(db);
    const auto rules = store.load();
    check_item(rules, o.item, "--item");
    if (o.by.empty()) throw OperatorError("Cần --by: tên người yêu cầu phát.");
    const auto why = rules.item(o.item)->why_not_airable(domain::local_date(tz, one.at));
    const auto id = store.add_one_off(one, o.by);
    db::announce_schedule_change(c.config.database);
    print_result(
        {{"id", id},
         {"warning", why ? nlohmann::json("Tin, bài này " + *why + " nên sẽ không được phát cho đến khi khắc phục.")
                         : nlohmann::json(nullptr)}},
        o.json, text);
}

void run_oneoff_list(Context& c) {
    c.load();
    auto db = c.open_database();
    const auto rules = scheduler::RuleStore(db).load();
    if (rules.one_offs.empty()) std::cout << "Không có lịch phát đột xuất nào.\n";
    for (const auto& o : rules.one_offs) {
        const auto* item = rules.item(o.item);
        std::cout << o.id << ". " << domain::local_date_text(zone_of(c), o.at) << ' '
                  << domain::local_time_text(zone_of(c), o.at) << "  " << scheduler::priority_label(o.priority) << "  "
                  << (item ? item->title : "?") << (o.repeat > 1 ? "  × " + std::to_string(o.repeat) : "") << '\n';
    }
}

void run_oneoff_cancel(Context& c, std::int64_t id, bool json) {
    c.load();
    const ResultText text = [](const nlohmann::json& r) {
        return "Đã huỷ lịch phát đột xuất số " + std::to_string(r.value("cancelled", 0LL)) + ".\n";
    };
    if (via_daemon(c, {"DELETE", api_path("/api/oneoffs", id)}, json, text)) return;
    auto db = c.open_database();
    if (!scheduler::RuleStore(db).cancel_one_off(id))
        throw OperatorError("Không có lịch phát đột xuất số " + std::to_string(id) + " (hoặc đã huỷ).");
    db::announce_schedule_change(c.config.database);
    print_result({{"cancelled", id}}, json, text);
}

// Cuts what plays now. Only the running daemon plays: without it nothing does.
void run_stop(Context& c, const std::string& reason, bool json) {
    c.load();
    const ResultText text = [](const nlohmann::json& r) {
        return r.value("stopped", false)
                   ? std::string("Đã dừng phát: bản tin đang phát được ghi vào nhật ký là bị ngắt.\n")
                   : std::string("Không có gì đang phát.\n");
    };
    nlohmann::json body = nlohmann::json::object();
    if (!reason.empty()) body["reason"] = reason;
    if (via_daemon(c, {"POST", "/api/player/stop", body}, json, text)) return;
    if (daemon_running(c.config))
        throw DaemonLinkError(
            "loaphuongd đang chạy nhưng tắt [http] (enabled = false), nên không gửi được lệnh dừng phát. "
            "Bật [http] trong tệp cấu hình, hoặc dừng dịch vụ: systemctl stop loaphuongd.");
    std::cerr << "loaphuongd không chạy.\n";
    print_result({{"stopped", false}}, json, text);
}

void run_tag(Context& c, scheduler::ItemId id, const std::string& add, const std::string& remove, bool json) {
    c.load();
    if (add.empty() && remove.empty()) throw OperatorError("Cần --add hoặc --remove.");
    const ResultText text = [](const nlohmann::json& r) {
        std::string tags;
        for (const auto& t : r["tags"]) tags += (tags.empty() ? "" : ", ") + t.get<std::string>();
        return "Đã cập nhật nhãn của tin, bài số " + std::to_string(r.value("id", 0LL)) + ": " +
               (tags.empty() ? std::string("không còn nhãn nào") : tags) + ".\n";
    };
    const ApiRequest request{
        "POST", api_path("/api/media", id, "/tags"), {{"add", split_list(add)}, {"remove", split_list(remove)}}};
    if (via_daemon(c, request, json, text)) return;
    auto db = c.open_database();
    library::ItemStore store(db);
    if (!store.set_tags(id, split_list(add), split_list(remove)))
        throw OperatorError("Không có tin, bài số " + std::to_string(id) + " trong thư viện.");
    db::announce_schedule_change(c.config.database);
    print_result({{"id", id}, {"tags", store.tags(id)}}, json, text);
}

void print_text(std::ostream& out, const scheduler::Preview& p, const scheduler::Rules& rules,
                const date::time_zone* tz) {
    std::string day;
    for (const auto& e : p.entries) {
        const auto d = domain::local_date_text(tz, e.plan.at);
        if (d != day) {
            out << "\n== Ngày " << d << " ==\n";
            day = d;
        }
        const auto& slot = rules.slots[e.plan.slot];
        out << domain::local_time_text(tz, e.plan.at) << "  " << e.slot_name << " (tối đa "
            << slot.max_length.count() / 60 << " phút, dự kiến " << domain::duration_text(e.plan.length) << ")\n";
        auto t = e.plan.at;
        for (const auto& c : e.plan.cues) {
            const auto* item = rules.item(c.item);
            out << "   " << domain::local_time_text(tz, t) << "  " << (item ? item->title : "?") << " ["
                << (item ? domain::form_label(item->form) : "") << "] — " << c.reason << '\n';
            if (item) t += item->duration;
        }
        for (const auto& s : e.plan.skipped) out << "   bỏ qua: " << s.reason << '\n';
    }
    if (p.entries.empty()) out << "Không có khung giờ nào trong khoảng này.\n";
    if (!p.conflicts.empty()) {
        out << "\nCẢNH BÁO:\n";
        for (const auto& c : p.conflicts) out << " - " << c << '\n';
    }
}

exporting::Table plan_table(const scheduler::Preview& p, const scheduler::Rules& rules, const date::time_zone* tz) {
    exporting::Table t;
    t.headers = {"Ngày", "Giờ", "Khung giờ", "Tên tin, bài", "Nội dung", "Hình thức", "Thời lượng", "Lý do"};
    for (const auto& e : p.entries) {
        auto at = e.plan.at;
        for (const auto& c : e.plan.cues) {
            const auto* item = rules.item(c.item);
            std::string topics;
            if (item)
                for (const auto& tp : item->topics)
                    topics += (topics.empty() ? "" : "; ") + std::string(domain::topic_label(tp));
            t.rows.push_back({domain::local_date_text(tz, at), domain::local_time_text(tz, at), e.slot_name,
                              item ? item->title : "?", topics, item ? std::string(domain::form_label(item->form)) : "",
                              item ? domain::duration_text(item->duration) : "", c.reason});
            if (item) at += item->duration;
        }
    }
    return t;
}

std::string csv_of(const exporting::Table& t) {
    exporting::CsvWriter csv;
    csv.row(t.headers);
    for (const auto& r : t.rows) csv.row(r);
    return csv.text();
}

void run_show(Context& c, const ShowOptions& o) {
    c.load();
    const auto* tz = zone_of(c);
    const int given = !o.date.empty() + !o.week.empty() + !o.month.empty();
    if (given > 1) throw OperatorError("Chỉ chọn một trong --date, --week, --month.");
    domain::LocalDate first = domain::local_date(tz, domain::wall_now());
    int days = 1;
    if (!o.date.empty()) first = parse_date_option("--date", o.date);
    if (!o.week.empty()) {
        first = parse_date_option("--week", o.week);
        days = 7;
    }
    if (!o.month.empty()) {
        first = parse_date_option("--month", o.month);
        first.day = 1;
        days = static_cast<int>((date::sys_days{date::year{first.year} / date::month{first.month} / date::last} -
                                 date::sys_days{date::year{first.year} / date::month{first.month} / date::day{1}})
                                    .count()) +
               1;
    }
    domain::LocalDate last = first;
    for (int i = 0; i < days; ++i) last = domain::next_day(last);
    auto db = c.open_database();
    scheduler::RuleStore store(db);
    const auto rules = store.load();
    const auto from = domain::start_of_day(tz, first);
    const auto p =
        scheduler::preview(rules, scheduler::History(journal::airing_times_since(db, from - rules.rotation_window)),
                           from, domain::start_of_day(tz, last), tz);
    if (o.format == "xlsx") {
        if (o.output.empty()) throw OperatorError("Định dạng xlsx cần -o TỆP.");
        exporting::write_table_xlsx(plan_table(p, rules, tz), c.config.organisation,
                                    "LỊCH PHÁT SÓNG CHƯƠNG TRÌNH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH",
                                    "Từ ngày " + domain::display_date_text(first) + " đến ngày " +
                                        domain::display_date_text(domain::local_date(
                                            tz, domain::start_of_day(tz, last) - std::chrono::seconds(1))),
                                    o.output);
        std::cerr << "Đã xuất lịch phát vào " << o.output << '\n';
        return;
    }
    std::string text;
    if (o.format == "csv") {
        text = csv_of(plan_table(p, rules, tz));
    } else {
        std::ostringstream out;
        out << "Lịch phát từ " << domain::display_date_text(first) << " (" << days << " ngày)\n";
        print_text(out, p, rules, tz);
        text = out.str();
    }
    if (o.output.empty()) {
        std::cout << text;
        return;
    }
    std::ofstream file(o.output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) throw OperatorError("Không ghi được tệp \"" + o.output + "\".");
    std::cerr << "Đã xuất lịch phát vào " << o.output << '\n';
}

}  // namespace

void add_schedule_commands(CLI::App& app, Context& context) {
    auto* slot = app.add_subcommand("slot", "Khung giờ phát sóng");
    slot->require_subcommand(1);
    auto so = std::make_shared<SlotOptions>();
    auto* set = slot->add_subcommand("set", "Tạo hoặc sửa một khung giờ và chương trình của nó");
    set->add_option("name", so->name, "Tên khung giờ")->required();
    set->add_option("--start", so->start, "Giờ bắt đầu, ví dụ 05:30")->required();
    set->add_option("--days", so->days, "Ngày trong tuần: t2,t4,t6 … hoặc all");
    set->add_option("--length", so->length, "Thời lượng tối đa, ví dụ 30m");
    set->add_option("--from", so->from, "Từ ngày (dd/mm/yyyy)");
    set->add_option("--until", so->until, "Đến ngày (dd/mm/yyyy)");
    set->add_option("--skip", so->skip, "Ngày nghỉ không phát, cách nhau bằng dấu phẩy");
    set->add_option("--outputs", so->outputs, "Đầu ra (cụm loa), cách nhau bằng dấu phẩy; mặc định: tất cả");
    set->add_option("--opening", so->opening, "Số tin, bài làm nhạc hiệu mở đầu");
    set->add_option("--closing", so->closing, "Số tin, bài làm nhạc hiệu kết thúc");
    set->add_option("--item", so->items, "Số tin, bài cố định (lặp lại được, theo thứ tự)");
    set->add_option("--pool", so->pools, "Chọn từ kho: N[:nội dung,...[:hình thức,...[:nhãn,...]]]");
    add_json_flag(set, so->json);
    set->callback([&context, so] { run_slot_set(context, *so); });
    slot->add_subcommand("list", "Liệt kê các khung giờ")->callback([&context] { run_slot_list(context); });
    auto name = std::make_shared<std::string>();
    auto* remove = slot->add_subcommand("remove", "Xoá một khung giờ");
    auto remove_json = std::make_shared<bool>(false);
    remove->add_option("name", *name, "Tên khung giờ")->required();
    add_json_flag(remove, *remove_json);
    remove->callback([&context, name, remove_json] { run_slot_remove(context, *name, *remove_json); });

    auto* oneoff = app.add_subcommand("oneoff", "Phát đột xuất (thông thường, ưu tiên, khẩn cấp)");
    oneoff->require_subcommand(1);
    auto oo = std::make_shared<OneOffOptions>();
    auto* add = oneoff->add_subcommand("add", "Đặt một lần phát đột xuất");
    add->add_option("--item", oo->item, "Số tin, bài")->required();
    add->add_option("--at", oo->at, "Thời điểm: \"dd/mm/yyyy HH:MM\" hoặc now")->required();
    add->add_option("--priority", oo->priority, "thuong | uu-tien | khan-cap");
    add->add_option("--repeat", oo->repeat, "Số lần phát");
    add->add_option("--gap", oo->gap, "Cách nhau, ví dụ 30m");
    add->add_option("--outputs", oo->outputs, "Đầu ra; mặc định: tất cả");
    add->add_option("--by", oo->by,
                    "Người yêu cầu (bắt buộc khi loaphuongd không chạy; khi chạy: tài khoản của mã truy cập)");
    add_json_flag(add, oo->json);
    add->callback([&context, oo] { run_oneoff_add(context, *oo); });
    oneoff->add_subcommand("list", "Liệt kê lịch phát đột xuất")->callback([&context] { run_oneoff_list(context); });
    auto id = std::make_shared<std::int64_t>(0);
    auto* cancel = oneoff->add_subcommand("cancel", "Huỷ một lịch phát đột xuất");
    auto cancel_json = std::make_shared<bool>(false);
    cancel->add_option("id", *id, "Số lịch")->required();
    add_json_flag(cancel, *cancel_json);
    cancel->callback([&context, id, cancel_json] { run_oneoff_cancel(context, *id, *cancel_json); });
    auto stop_reason = std::make_shared<std::string>();
    auto stop_json = std::make_shared<bool>(false);
    auto* stop = oneoff->add_subcommand("stop", "Dừng ngay bản tin đang phát (qua loaphuongd)");
    stop->add_option("--reason", *stop_reason, "Lý do, ghi vào nhật ký");
    add_json_flag(stop, *stop_json);
    stop->callback([&context, stop_reason, stop_json] { run_stop(context, *stop_reason, *stop_json); });

    add_approve_command(app, context);

    auto tag_id = std::make_shared<scheduler::ItemId>(0);
    auto tag_add = std::make_shared<std::string>();
    auto tag_remove = std::make_shared<std::string>();
    auto* tag = app.add_subcommand("tag", "Gắn hoặc gỡ nhãn của một tin, bài (kho phát chọn được theo nhãn)");
    tag->add_option("item", *tag_id, "Số tin, bài")->required();
    tag->add_option("--add", *tag_add, "Nhãn cần gắn, cách nhau bằng dấu phẩy");
    tag->add_option("--remove", *tag_remove, "Nhãn cần gỡ");
    auto tag_json = std::make_shared<bool>(false);
    add_json_flag(tag, *tag_json);
    tag->callback([&context, tag_id, tag_add, tag_remove, tag_json] {
        run_tag(context, *tag_id, *tag_add, *tag_remove, *tag_json);
    });

    auto* schedule = app.add_subcommand("schedule", "Lịch phát sóng");
    schedule->require_subcommand(1);
    auto sh = std::make_shared<ShowOptions>();
    auto* show = schedule->add_subcommand("show", "Xem trước những gì sẽ phát, lý do chọn và cảnh báo");
    show->add_option("--date", sh->date, "Một ngày (dd/mm/yyyy); mặc định: hôm nay");
    show->add_option("--week", sh->week, "Bảy ngày kể từ ngày này");
    show->add_option("--month", sh->month, "Cả tháng chứa ngày này");
    show->add_option("--format", sh->format, "text | csv | xlsx")->check(CLI::IsMember({"text", "csv", "xlsx"}));
    show->add_option("-o,--output", sh->output, "Tệp kết quả");
    show->callback([&context, sh] { run_show(context, *sh); });
}

}  // namespace lp::cli
