#include "api/ScheduleRoutes.hpp"

#include <chrono>

#include "api/Params.hpp"
#include "api/ScheduleJson.hpp"
#include "api/SlotBody.hpp"
#include "api/Zone.hpp"
#include "journal/AiringHistory.hpp"
#include "scheduler/Preview.hpp"
#include "scheduler/PreviewDays.hpp"
#include "scheduler/RuleStore.hpp"
#include "scheduler/SlotCheck.hpp"

namespace lp::api {
namespace {

using auth::Permission;

Reply list_slots(Services& s, Call&) {
    const auto rules = scheduler::RuleStore(s.database()).load();
    auto out = nlohmann::json::array();
    for (const auto& slot : rules.slots) out.push_back(slot_json(slot));
    return json_reply({{"slots", out}});
}

Reply put_slot(Services& s, Call& call) {
    const auto name = slot_name(call);
    scheduler::RuleStore store(s.database());
    const auto rules = store.load();
    const auto slot = slot_from_body(call, name, rules, *s.config());
    const bool dry_run = opt_bool(call, "dry_run").value_or(false);
    const bool force = opt_bool(call, "force").value_or(false);
    const auto review = scheduler::review_slot(slot, rules, today(s));
    const auto warnings = review.all();
    if (dry_run) return json_reply({{"saved", false}, {"slot", slot_json(slot)}, {"warnings", warnings}});
    if (!review.overlaps.empty() && !force)
        return json_reply(
            {{"error",
              {{"field", ""},
               {"message", "Khung giờ \"" + name +
                               "\" trùng giờ với khung giờ khác nên chưa được lưu: sửa giờ, ngày hoặc đầu ra, "
                               "hoặc xác nhận lưu dù trùng giờ."},
               {"warnings", warnings}}}},
            409);
    store.save_slot(slot);
    s.rules_changed();
    return json_reply({{"saved", true}, {"slot", slot_json(slot)}, {"warnings", warnings}});
}

Reply remove_slot(Services& s, Call& call) {
    const auto name = param(call, "name");
    if (!scheduler::RuleStore(s.database()).remove_slot(name))
        throw not_found("name", "Không có khung giờ tên \"" + name + "\".");
    s.rules_changed();
    return json_reply({{"removed", name}});
}

Reply preview(Services& s, Call& call) {
    const auto date = param(call, "date");
    const auto week = param(call, "week");
    if (!date.empty() && !week.empty())
        throw invalid("week", "Chỉ chọn một trong hai: date (một ngày) hoặc week (bảy ngày).");
    const auto first = !week.empty()   ? parse_date_field("week", week)
                       : !date.empty() ? parse_date_field("date", date)
                                       : today(s);
    const int days = week.empty() ? 1 : 7;
    auto last = first;
    for (int i = 0; i < days; ++i) last = domain::next_day(last);
    const auto* tz = zone_of(s);
    const auto rules = scheduler::RuleStore(s.database()).load();
    const auto from = domain::start_of_day(tz, first);
    const auto p = scheduler::preview(
        rules, scheduler::History(journal::airing_times_since(s.database(), from - rules.rotation_window)), from,
        domain::start_of_day(tz, last), tz);
    return json_reply(preview_json(scheduler::preview_days(p, rules, first, days, tz), tz));
}

}  // namespace

std::vector<Route> schedule_routes(Services& s) {
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    return {
        {"GET", "/api/slots", Permission::read, false, false, h(list_slots)},
        {"PUT", "/api/slots/{name}", Permission::library, false, false, h(put_slot)},
        {"DELETE", "/api/slots/{name}", Permission::library, false, false, h(remove_slot)},
        {"GET", "/api/schedule", Permission::read, false, false, h(preview)},
    };
}

}  // namespace lp::api
