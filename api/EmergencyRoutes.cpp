#include "api/EmergencyRoutes.hpp"

#include <chrono>

#include "api/Orders.hpp"
#include "api/Params.hpp"
#include "api/Spoken.hpp"
#include "api/Zone.hpp"
#include "db/Store.hpp"
#include "domain/Lists.hpp"
#include "domain/Texts.hpp"
#include "domain/WallClock.hpp"
#include "scheduler/RuleStore.hpp"

namespace lp::api {
namespace {

using auth::Permission;
namespace texts = domain::texts;

// What POST /api/emergency asks for, checked before anything is spoken or stored.
struct Ask {
    std::optional<std::int64_t> item;
    std::optional<std::string> text;
    std::optional<std::string> title;
    std::vector<std::string> outputs;
};

Ask read_ask(Services& s, const Call& call) {
    Ask a;
    a.item = opt_integer(call, "item");
    a.text = opt_string(call, "text");
    a.title = opt_string(call, "title");
    if (a.item && a.text) throw bad_request("text", std::string(texts::emergency_not_both));
    if (!a.item && !a.text) throw bad_request("item", std::string(texts::emergency_item_or_text));
    if (a.text && a.text->find_first_not_of(" \t\r\n") == std::string::npos)
        throw invalid("text", "Trường \"text\" không được để trống.");
    if (a.text && a.text->size() > 5000) throw invalid("text", "Văn bản quá dài (tối đa 5000 ký tự).");
    if (a.title && a.title->find_first_not_of(" \t") == std::string::npos)
        throw invalid("title", "Tiêu đề không được để trống.");
    a.outputs = checked_outputs(s, call);
    return a;
}

// The item an order airs: 404 when the library has no such item; 422 when it may not air
// today. An emergency order needs no approval of the item (it is the order to air).
void check_airable(Services& s, sqlite::Database& db, std::int64_t id, bool approval_needed) {
    const auto rules = scheduler::RuleStore(db).load();
    const auto* item = rules.item(id);
    if (!item) throw not_found("item", "Không có tin, bài mã #" + std::to_string(id) + " trong thư viện.");
    if (const auto why = item->why_not_airable(today(s), approval_needed))
        throw invalid("item", "Tin, bài \"" + item->title + "\" " + *why + ", không phát được.");
}

std::int64_t add_now(sqlite::Database& db, std::int64_t item, scheduler::Priority priority,
                     const std::vector<std::string>& outputs, const std::string& ordered_by,
                     std::optional<std::string> approved_by = std::nullopt) {
    scheduler::OneOff one;
    one.item = item;
    one.at = domain::wall_now();
    one.priority = priority;
    one.outputs = outputs;
    one.approved_by = std::move(approved_by);
    return scheduler::RuleStore(db).add_one_off(one, ordered_by);
}

// POST /api/emergency (a worker: speaking a text takes seconds; its own connection).
Reply order(Services& s, Call& call) {
    const auto ask = read_ask(s, call);
    auto db = db::open_store(s.database_path());
    std::int64_t item = 0;
    if (ask.item) {
        check_airable(s, db, *ask.item, false);
        item = *ask.item;
    } else {
        library::ImportRequest request;
        request.title = ask.title;
        request.form = "thong_bao";
        request.source = "Phát khẩn cấp, tài khoản " + call.caller.account;
        item = import_spoken(s, db, *ask.text, std::move(request)).item.id;
        s.publish("media", {{"id", item}});
    }
    if (s.config()->http.emergency_needs_approver && call.caller.role == auth::Role::operator_) {
        db.prepare("INSERT INTO emergency_request (media_item_id, outputs, requested_by) VALUES (?, ?, ?)")
            .bind(1, item)
            .bind(2, domain::join_commas(ask.outputs))
            .bind(3, call.caller.account)
            .run();
        const auto id = db.last_insert_rowid();
        s.publish("emergency", {{"request", id}, {"state", "waiting"}});
        return json_reply({{"request", id}, {"state", "waiting"}, {"item", item}}, 202);
    }
    const auto id = add_now(db, item, scheduler::Priority::emergency, ask.outputs, call.caller.account);
    s.rules_changed_from_worker();
    s.publish("emergency", {{"oneoff", id}, {"item", item}});
    return json_reply({{"oneoff", id}, {"item", item}}, 201);
}

Reply requests(Services& s, Call&) {
    auto st = s.database().prepare(
        "SELECT r.id, r.media_item_id, m.title, r.outputs, r.requested_by, r.requested_at, r.state, r.decided_by, "
        "r.decided_at, r.comment, r.one_off_id FROM emergency_request r LEFT JOIN media_item m "
        "ON m.id = r.media_item_id ORDER BY r.state != 'waiting', r.id DESC LIMIT 200");
    const auto* tz = zone_of(s);
    const auto text_or_null = [&](int column) {
        const auto v = st.optional_text(column);
        return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    auto out = nlohmann::json::array();
    while (st.step()) {
        const auto decided_at = st.optional_text(8);
        const auto one_off = st.optional_integer(10);
        out.push_back({{"id", st.integer(0)},
                       {"item", st.integer(1)},
                       {"title", text_or_null(2)},
                       {"outputs", domain::split_commas(st.text(3))},
                       {"by", st.text(4)},
                       {"at", instant_json(tz, domain::from_utc_text(st.text(5)))},
                       {"state", st.text(6)},
                       {"decided_by", text_or_null(7)},
                       {"decided_at", decided_at ? instant_json(tz, domain::from_utc_text(*decided_at)) : nullptr},
                       {"comment", text_or_null(9)},
                       {"oneoff", one_off ? nlohmann::json(*one_off) : nlohmann::json(nullptr)}});
    }
    return json_reply({{"requests", std::move(out)}});
}

struct Waiting {
    std::int64_t item = 0;
    std::vector<std::string> outputs;
    std::string requested_by;
};

// The request named by {id}, still waiting: 404 when there is none, 409 when decided.
Waiting waiting_request(Services& s, std::int64_t id) {
    auto st = s.database().prepare(
        "SELECT media_item_id, outputs, requested_by, state, coalesce(decided_by, ''), decided_at "
        "FROM emergency_request WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw not_found("id", texts::no_emergency_request(id));
    if (st.text(3) != "waiting") {
        const auto at = st.optional_text(5);
        const auto* tz = zone_of(s);
        const auto when = at ? domain::local_time_text(tz, domain::from_utc_text(*at)).substr(0, 5) + " " +
                                   domain::local_date_text(tz, domain::from_utc_text(*at))
                             : std::string();
        throw conflict("id", texts::emergency_request_decided(id, st.text(3), st.text(4), when));
    }
    return {st.integer(0), domain::split_commas(st.text(1)), st.text(2)};
}

void decide(sqlite::Database& db, std::int64_t id, const std::string& state, const std::string& by,
            std::optional<std::string> comment, std::optional<std::int64_t> one_off) {
    db.prepare(
          "UPDATE emergency_request SET state = ?, decided_by = ?, comment = ?, one_off_id = ?, "
          "decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND state = 'waiting'")
        .bind(1, state)
        .bind(2, by)
        .bind(3, comment)
        .bind(4, one_off)
        .bind(5, id)
        .run();
}

Reply confirm(Services& s, Call& call) {
    const auto id = id_param(call);
    auto& db = s.database();
    sqlite::Transaction tx(db);
    const auto w = waiting_request(s, id);
    // Ordered by the operator, approved by the caller: both go into the journal's sealed rows.
    const auto one_off =
        add_now(db, w.item, scheduler::Priority::emergency, w.outputs, w.requested_by, call.caller.account);
    decide(db, id, "confirmed", call.caller.account, std::nullopt, one_off);
    tx.commit();
    s.rules_changed();
    s.publish("emergency", {{"request", id}, {"state", "confirmed"}, {"oneoff", one_off}});
    return json_reply({{"oneoff", one_off}, {"request", id}}, 201);
}

Reply refuse(Services& s, Call& call) {
    const auto id = id_param(call);
    const auto comment = need_string(call, "comment");
    auto& db = s.database();
    sqlite::Transaction tx(db);
    waiting_request(s, id);
    decide(db, id, "refused", call.caller.account, comment, std::nullopt);
    tx.commit();
    s.publish("emergency", {{"request", id}, {"state", "refused"}});
    return json_reply({{"refused", id}});
}

// POST /api/player/play-next: after what plays now, cutting nothing; now when nothing plays.
Reply play_next(Services& s, Call& call) {
    const auto item = need_integer(call, "item");
    const auto outputs = checked_outputs(s, call);
    check_airable(s, s.database(), item, true);
    const auto id = add_now(s.database(), item, scheduler::Priority::next, outputs, call.caller.account);
    s.rules_changed();
    return json_reply({{"oneoff", id}}, 201);
}

}  // namespace

std::vector<Route> emergency_routes(Services& s) {
    const auto h = [&s](Reply (*f)(Services&, Call&)) { return [&s, f](Call& c) { return f(s, c); }; };
    return {
        {"POST", "/api/emergency", Permission::emergency, true, false, h(order)},
        {"GET", "/api/emergency/requests", Permission::read, false, false, h(requests)},
        {"POST", "/api/emergency/requests/{id}/confirm", Permission::approve, false, false, h(confirm)},
        {"POST", "/api/emergency/requests/{id}/refuse", Permission::approve, false, false, h(refuse)},
        {"POST", "/api/player/play-next", Permission::library, false, false, h(play_next)},
    };
}

}  // namespace lp::api
