#include "playout/RestartResumption.hpp"

#include <algorithm>
#include <map>

#include "domain/Time.hpp"

namespace lp::playout {

RestartPlan plan_restart(const std::vector<journal::Leftover>& leftovers, std::chrono::system_clock::time_point now,
                         std::chrono::system_clock::time_point last_activity, std::chrono::seconds grace,
                         const IsLiveItem& is_live) {
    std::map<std::string, Unfinished> by_programme;
    for (const auto& left : leftovers) {
        auto& u = by_programme[left.key.programme];
        u.programme = left.key.programme;
        u.emergency = u.programme.starts_with("emergency#");
        u.cues.push_back(left);
    }
    std::vector<Unfinished> all;
    for (auto& [id, u] : by_programme) {
        std::ranges::sort(u.cues, [](const auto& a, const auto& b) { return a.key.cue < b.key.cue; });
        const auto scheduled = u.cues.front().plan.scheduled_at;
        u.due = std::max(scheduled, std::min(last_activity, now));
        all.push_back(std::move(u));
    }
    std::ranges::sort(all, [](const Unfinished& a, const Unfinished& b) {
        if (a.emergency != b.emergency) return a.emergency;
        if (a.cues.front().plan.scheduled_at != b.cues.front().plan.scheduled_at)
            return a.cues.front().plan.scheduled_at < b.cues.front().plan.scheduled_at;
        return a.programme < b.programme;
    });
    RestartPlan plan;
    const auto live = [&](const Unfinished& u) {
        return u.emergency && is_live && std::ranges::any_of(u.cues, [&](const journal::Leftover& c) {
                   return c.plan.media_item_id && is_live(*c.plan.media_item_id);
               });
    };
    for (auto& u : all) {
        if (live(u))
            plan.live_ended.push_back(std::move(u));
        else
            (now - u.due <= grace ? plan.resume : plan.give_up).push_back(std::move(u));
    }
    return plan;
}

scheduler::Order resumption_order(const Unfinished& u, std::chrono::system_clock::time_point restarted_at) {
    const auto& first = u.cues.front();
    scheduler::Order order;
    order.id = u.programme + "/restart@" + domain::to_utc_text(restarted_at);
    order.slot_name = first.plan.slot;
    order.scheduled_at = first.plan.scheduled_at;
    order.start = std::max(restarted_at, first.plan.scheduled_at);
    order.outputs = first.outputs;
    // Killed between the decision and the start: still a scheduled start, punctuality counts.
    order.resumption = order.scheduled_at < restarted_at;
    for (const auto& left : u.cues)
        order.cues.push_back({left.plan.media_item_id.value_or(0), "phát lại sau khởi động lại", left.plan.one_off});
    return order;
}

}  // namespace lp::playout
