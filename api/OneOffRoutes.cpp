#include "api/OneOffRoutes.hpp"

#include <date/tz.h>

#include <chrono>

#include "api/Orders.hpp"
#include "api/Params.hpp"
#include "api/Zone.hpp"
#include "config/TimeText.hpp"
#include "db/Store.hpp"
#include "domain/WallClock.hpp"
#include "scheduler/RuleStore.hpp"

namespace lp::api {
namespace {

using auth::Permission;

scheduler::Priority parse_priority(const std::string& text) {
    for (const auto p : {scheduler::Priority::normal, scheduler::Priority::priority, scheduler::Priority::emergency})
        if (priority_page_code(p) == text) return p;
    throw invalid("priority", "Mức ưu tiên \"" + text + "\" không có (thuong, uu-tien, khan-cap).");
}

scheduler::TimePoint parse_at(const std::string& text, const date::time_zone* tz) {
    if (text == "now") return domain::wall_now();
    const auto space = text.find(' ');
    const auto day = space == std::string::npos ? std::nullopt : domain::parse_date(text.substr(0, space));
    const auto time = space == std::string::npos ? std::nullopt : config::parse_time_of_day(text.substr(space + 1));
    if (!day || !time)
        throw invalid("at",
                      "Thời điểm \"" + text + "\" không hợp lệ: cần \"dd/mm/yyyy HH:MM\" (giờ Việt Nam) hoặc \"now\".");
    const date::local_seconds local{
        date::local_days{date::year{day->year} / date::month{day->month} / date::day{day->day}} + *time};
    return tz->to_sys(local, date::choose::earliest);
}

const scheduler::ItemInfo& checked_item(const scheduler::Rules& rules, std::int64_t id) {
    const auto* item = rules.item(id);
    if (!item) throw not_found("item", "Không có tin, bài mã #" + std::to_string(id) + " trong thư viện.");
    return *item;
}

Reply list_one_offs(Services& s, Call&) {
    const auto rules = scheduler::RuleStore(s.database()).load();
    auto out = nlohmann::json::array();
    for (const auto& o : rules.one_offs) {
        const auto* item = rules.item(o.item);
        out.push_back({{"id", o.id},
                       {"item", o.item},
                       {"title", item ? nlohmann::json(item->title) : nlohmann::json(nullptr)},
                       {"at", instant_json(zone_of(s), o.at)},
                       {"priority", std::string(priority_page_code(o.priority))},
                       {"repeat", o.repeat},
                       {"gap_s", o.gap.count()},
                       {"outputs", o.outputs}});
    }
    return json_reply({{"oneoffs", out}});
}

Reply add(Services& s, Call& call) {
    const auto item_id = need_integer(call, "item");
    scheduler::OneOff one;
    one.item = item_id;
    one.at = parse_at(need_string(call, "at"), zone_of(s));
    one.priority = parse_priority(opt_string(call, "priority").value_or("thuong"));
    if (one.priority == scheduler::Priority::emergency && !auth::permits(call.caller.role, Permission::emergency))
        throw ApiError(403, "priority", "Tài khoản này không được đặt lịch phát khẩn cấp.");
    const auto repeat = opt_integer(call, "repeat").value_or(1);
    if (repeat < 1 || repeat > 100) throw invalid("repeat", "Số lần phát phải từ 1 đến 100.");
    one.repeat = static_cast<int>(repeat);
    if (const auto gap = opt_string(call, "gap"); gap && one.repeat > 1) {
        const auto d = config::parse_duration(*gap);
        if (!d || d->count() == 0) throw invalid("gap", "Khoảng cách \"" + *gap + "\" không hợp lệ (ví dụ 30m, 1h).");
        one.gap = *d;
    }
    one.outputs =
        checked_outputs(*s.config(), "outputs", opt_strings(call, "outputs").value_or(std::vector<std::string>{}));
    scheduler::RuleStore store(s.database());
    const auto rules = store.load();
    const auto& item = checked_item(rules, item_id);
    // The engine airs an emergency without approval (scheduler/Engine.cpp); warn as it decides.
    const auto why =
        item.why_not_airable(domain::local_date(zone_of(s), one.at), one.priority != scheduler::Priority::emergency);
    const auto id = store.add_one_off(one, call.caller.account);
    s.rules_changed();
    return json_reply(
        {{"id", id},
         {"warning", why ? nlohmann::json("Tin, bài này " + *why + " nên sẽ không được phát cho đến khi khắc phục.")
                         : nlohmann::json(nullptr)}},
        201);
}

Reply cancel(Services& s, Call& call) {
    const auto id = id_param(call);
    if (!scheduler::RuleStore(s.database()).cancel_one_off(id))
        throw not_found("id", "Không có lịch phát đột xuất số " + std::to_string(id) + " (hoặc đã huỷ).");
    s.rules_changed();
    return json_reply({{"cancelled", id}});
}

Reply stop(Services& s, Call& call) { return json_reply({{"stopped", s.stop_now(call.caller.account)}}); }

}  // namespace

std::vector<Route> one_off_routes(Services& s) {
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    return {
        {"GET", "/api/oneoffs", Permission::read, false, false, h(list_one_offs)},
        {"POST", "/api/oneoffs", Permission::library, false, false, h(add)},
        {"DELETE", "/api/oneoffs/{id}", Permission::library, false, false, h(cancel)},
        {"POST", "/api/player/stop", Permission::library, false, false, h(stop)},
    };
}

}  // namespace lp::api
