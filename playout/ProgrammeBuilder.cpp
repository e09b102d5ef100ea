#include "playout/ProgrammeBuilder.hpp"

namespace lp::playout {

journal::AiringPlan airing_plan(const scheduler::Order& order, scheduler::ItemId item_id,
                                std::optional<std::int64_t> one_off, const scheduler::Rules& rules) {
    journal::AiringPlan plan;
    plan.scheduled_at = order.scheduled_at;
    plan.slot = order.slot_name;
    plan.one_off = one_off;
    if (const auto* item = rules.item(item_id)) {
        plan.media_item_id = item->id;
        plan.file = item->file.string();
        plan.title = item->title;
        plan.topics = item->topics;
        plan.form = item->form;
        plan.length = item->duration;
        if (item->is_live()) {
            plan.live_kind = item->live_kind;
            plan.live_source = item->live_url;
        }
    } else {
        plan.title = "(tin, bài số " + std::to_string(item_id) + " không còn trong thư viện)";
        plan.topics = {"other"};
        plan.form = "other";
    }
    return plan;
}

journal::AiringPlan not_aired_plan(const scheduler::NotAired& n, const scheduler::Rules& rules) {
    scheduler::Order order;
    order.slot_name = n.slot_name;
    order.scheduled_at = n.scheduled_at;
    return airing_plan(order, n.item, n.one_off, rules);
}

journal::Status status_of(scheduler::NotAiredKind kind) {
    return kind == scheduler::NotAiredKind::missed ? journal::Status::missed : journal::Status::skipped;
}

namespace {

// What the player needs of a live source item; a fallback gone from the library, retired or
// itself live leaves silence.
audio::LiveSpec live_spec(const scheduler::ItemInfo& item, const scheduler::Rules& rules) {
    audio::LiveSpec spec{item.live_url, {}, {}, {}};
    if (item.live_fallback)
        if (const auto* fallback = rules.item(*item.live_fallback);
            fallback && !fallback->is_live() && !fallback->retired) {
            spec.fallback = fallback->file;
            spec.fallback_loudness_lufs = fallback->loudness_lufs;
        }
    return spec;
}

}  // namespace

Built build_programme(const scheduler::Order& order, const scheduler::Rules& rules) {
    Built built;
    built.programme.id = order.id;
    built.programme.outputs = order.outputs;
    built.programme.start = order.start;
    for (const auto& cue : order.cues) {
        built.plans.push_back(airing_plan(order, cue.item, cue.one_off, rules));
        const auto* item = rules.item(cue.item);
        built.programme.cues.push_back({built.plans.back().file,
                                        item ? item->loudness_lufs : std::nullopt,
                                        item ? item->duration : std::chrono::milliseconds{0},
                                        {}});
        if (item && item->is_live()) built.programme.cues.back().live = live_spec(*item, rules);
        built.sha256.push_back(item && item->sha256 ? *item->sha256 : std::string{});
    }
    return built;
}

}  // namespace lp::playout
