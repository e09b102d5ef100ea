#include "api/LiveRoutes.hpp"

#include "api/Orders.hpp"
#include "api/Params.hpp"
#include "api/Zone.hpp"
#include "audio/live/AlsaCapture.hpp"
#include "domain/Texts.hpp"
#include "domain/WallClock.hpp"
#include "library/LiveSources.hpp"
#include "scheduler/Engine.hpp"
#include "scheduler/RuleStore.hpp"

namespace lp::api {
namespace {

using auth::Permission;
namespace texts = domain::texts;

nlohmann::json session_json(Services& s, const playout::LiveSessionInfo& l) {
    return {{"oneoff", l.one_off},
            {"item", l.item},
            {"title", l.title},
            {"kind", l.kind},
            {"source", l.source},
            {"by", l.by},
            {"since", instant_json(zone_of(s), l.since)}};
}

// What `source` names: "mic" (the configured capture device), "alsa:NAME" or "hw:…" (a capture
// device, opened as the check), else a stream's URL.
library::LiveSourceRequest source_request(Services& s, const std::string& source) {
    library::LiveSourceRequest r;
    const bool device = source.starts_with("hw:") || source.starts_with("plughw:");
    if (source == "mic" || device || source.starts_with(audio::live::capture_scheme)) {
        r.kind = "truc_tiep";
        r.url = source == "mic" ? std::string(audio::live::capture_scheme) + s.config()->live.capture_device
                : device        ? std::string(audio::live::capture_scheme) + source
                                : source;
        r.form = "thong_bao";
    } else {
        r.kind = "tiep_song";
        r.url = source;
    }
    return r;
}

// The account in the sealed row, with the name of who reads or relays when it is not the same.
std::string ordered_by(const std::string& by, const std::string& account) {
    return by == account ? by : by + " (tài khoản " + account + ")";
}

// POST /api/live {"source": "mic"|URL, "by": NAME, "title"?, "outputs"?}
Reply start(Services& s, Call& call) {
    const auto* tz = zone_of(s);
    if (const auto on = s.live_session())
        throw conflict("source", texts::live_already_on(on->kind, on->title, on->by,
                                                        domain::local_time_text(tz, on->since).substr(0, 5) + " " +
                                                            domain::local_date_text(tz, on->since)));
    const auto source = need_string(call, "source");
    const auto by = opt_string(call, "by").value_or("");
    if (by.find_first_not_of(" \t") == std::string::npos) throw invalid("by", std::string(texts::live_need_by));
    const auto outputs = checked_outputs(s, call);
    auto request = source_request(s, source);
    request.title = opt_string(call, "title").value_or(texts::live_default_title(request.kind, by, request.url));
    request.length = s.config()->live.max_length;
    request.note = "loaphuong live start, " + by;
    auto& db = s.database();
    sqlite::Transaction tx(db);
    std::int64_t item = 0;
    try {
        item = library::add_live_source(db, request);
    } catch (const library::LiveSourceError& e) {
        throw invalid(e.field() == "url" ? "source" : e.field(), e.what());
    }
    scheduler::OneOff one;
    one.item = item;
    // It starts after the engine's pre-roll: the source connects during it, so that its first
    // audio is there at the start rather than counted as a dropout. What plays is cut now.
    one.at = std::chrono::floor<std::chrono::milliseconds>(domain::wall_now()) + scheduler::default_preroll;
    one.priority = scheduler::Priority::emergency;
    one.outputs = outputs;
    const auto id = scheduler::RuleStore(db).add_one_off(one, ordered_by(by, call.caller.account));
    tx.commit();
    const playout::LiveSessionInfo info{id, item, request.title, request.kind, request.url, by, one.at};
    s.live_begun(info);
    s.rules_changed();
    auto body = session_json(s, info);
    s.publish("live", body);
    return json_reply(std::move(body), 201);
}

// DELETE /api/live
Reply stop(Services& s, Call&) {
    const auto on = s.live_session();
    if (!on || !s.end_live()) throw conflict("live", std::string(texts::live_none));
    auto body = session_json(s, *on);
    body["stopped"] = true;
    s.publish("live", {{"stopped", on->one_off}});
    return json_reply(std::move(body));
}

// GET /api/live
Reply show(Services& s, Call&) {
    const auto on = s.live_session();
    return json_reply({{"live", on ? session_json(s, *on) : nlohmann::json(nullptr)}});
}

}  // namespace

std::vector<Route> live_routes(Services& s) {
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    return {
        {"POST", "/api/live", Permission::emergency, false, false, h(start)},
        {"DELETE", "/api/live", Permission::emergency, false, false, h(stop)},
        {"GET", "/api/live", Permission::read, false, false, h(show)},
    };
}

}  // namespace lp::api
