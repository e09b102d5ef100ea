#include "journal/OpCodec.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <utility>

namespace lp::journal {

using nlohmann::json;
using std::chrono::microseconds;

namespace {

// Instants as microseconds since the epoch: exact for everything the journal keeps (ms).
std::int64_t micros(TimePoint t) { return std::chrono::duration_cast<microseconds>(t.time_since_epoch()).count(); }
TimePoint instant(const json& j) {
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(microseconds(j.get<std::int64_t>())));
}
Status status(const json& j) {
    const auto s = status_from_code(j.get<std::string>());
    if (!s) throw std::invalid_argument("unknown status " + j.dump());
    return *s;
}
std::uint64_t number(Ticket t) { return static_cast<std::uint64_t>(t); }
Ticket ticket(const json& j) { return Ticket{j.get<std::uint64_t>()}; }

}  // namespace

// to_json/from_json are found by argument-dependent lookup, hence outside the unnamed namespace.

// The one place that knows an AiringPlan's fields: a new field goes here (read it with
// `value()` and a default so that spill files written before it still load).
void to_json(json& j, const AiringPlan& p) {
    j = {{"scheduled_at_us", micros(p.scheduled_at)},
         {"media_item_id", p.media_item_id ? json(*p.media_item_id) : json()},
         {"file", p.file},
         {"title", p.title},
         {"topics", p.topics},
         {"form", p.form},
         {"slot", p.slot},
         {"one_off", p.one_off ? json(*p.one_off) : json()},
         {"length_ms", p.length.count()},
         {"note", p.note},
         {"live_kind", p.live_kind},
         {"live_source", p.live_source}};
}
void from_json(const json& j, AiringPlan& p) {
    p.scheduled_at = instant(j.at("scheduled_at_us"));
    if (const auto& id = j.at("media_item_id"); !id.is_null()) p.media_item_id = id.get<std::int64_t>();
    j.at("file").get_to(p.file);
    j.at("title").get_to(p.title);
    if (j.contains("topics"))
        j.at("topics").get_to(p.topics);
    else
        p.topics = {j.at("topic").get<std::string>()};  // spill files from before several topics
    j.at("form").get_to(p.form);
    j.at("slot").get_to(p.slot);
    if (const auto o = j.value("one_off", json()); !o.is_null()) p.one_off = o.get<std::int64_t>();
    p.length = Millis(j.value("length_ms", std::int64_t{0}));
    p.note = j.value("note", std::string{});
    p.live_kind = j.value("live_kind", std::string{});
    p.live_source = j.value("live_source", std::string{});
}

// Read with defaults: spill files written before StartEvidence still load.
void to_json(json& j, const StartEvidence& e) {
    j = {{"clock_synced", e.clock_synced ? json(*e.clock_synced) : json()},
         {"archive_file", e.archive_file},
         {"archive_offset_ms", e.archive_offset ? json(e.archive_offset->count()) : json()}};
}
void from_json(const json& j, StartEvidence& e) {
    if (const auto s = j.value("clock_synced", json()); !s.is_null()) e.clock_synced = s.get<bool>();
    e.archive_file = j.value("archive_file", std::string{});
    if (const auto o = j.value("archive_offset_ms", json()); !o.is_null())
        e.archive_offset = Millis(o.get<std::int64_t>());
}

void to_json(json& j, const PendingKey& k) { j = {{"programme", k.programme}, {"cue", k.cue}}; }
void from_json(const json& j, PendingKey& k) {
    j.at("programme").get_to(k.programme);
    j.at("cue").get_to(k.cue);
}

namespace {

json optional_key(const std::optional<PendingKey>& k) { return k ? json(*k) : json(); }
std::optional<PendingKey> read_key(const json& j, const char* name) {
    const auto v = j.value(name, json());
    return v.is_null() ? std::nullopt : std::optional<PendingKey>(v.get<PendingKey>());
}

}  // namespace

namespace op {

void to_json(json& j, const Begin& o) {
    j = {{"op", "begin"},
         {"ticket", number(o.ticket)},
         {"plan", o.plan},
         {"started_at_us", micros(o.started_at)},
         {"outputs", o.outputs},
         {"start_lateness_us", o.start_lateness ? json(o.start_lateness->count()) : json()},
         {"pending", optional_key(o.pending)},
         {"evidence", o.evidence}};
}
void to_json(json& j, const SetOutputs& o) {
    j = {{"op", "set_outputs"}, {"ticket", number(o.ticket)}, {"outputs", o.outputs}};
}
void to_json(json& j, const Progress& o) {
    j = {{"op", "progress"}, {"ticket", number(o.ticket)}, {"played_ms", o.played.count()}};
}
void to_json(json& j, const Finish& o) {
    j = {{"op", "finish"},
         {"ticket", number(o.ticket)},
         {"ended_at_us", micros(o.ended_at)},
         {"played_ms", o.played.count()},
         {"status", to_code(o.status)},
         {"reason", o.reason},
         {"detail", o.detail}};
}
void to_json(json& j, const NotAired& o) {
    j = {{"op", "not_aired"},  {"plan", o.plan},     {"status", to_code(o.status)},       {"at_us", micros(o.at)},
         {"reason", o.reason}, {"detail", o.detail}, {"pending", optional_key(o.pending)}};
}
void to_json(json& j, const PendingAdd& o) {
    j = {{"op", "pending_add"}, {"programme", o.programme}, {"plans", o.plans}, {"outputs", o.outputs}};
}
void to_json(json& j, const PendingHandOn& o) {
    j = {{"op", "pending_hand_on"}, {"from", o.from}, {"from_cue", o.from_cue}, {"to", o.to}};
}
void to_json(json& j, const PendingRemove& o) {
    j = {{"op", "pending_remove"}, {"programme", o.programme}, {"cue", o.cue}};
}
void to_json(json& j, const MissPending& o) {
    j = {{"op", "miss_pending"},
         {"programme", o.programme ? json(*o.programme) : json()},
         {"at_us", micros(o.at)},
         {"reason", o.reason}};
}
void to_json(json& j, const Live& o) {
    json dropouts = json::array();
    for (const auto& d : o.record.dropouts) dropouts.push_back({micros(d.at), d.length.count()});
    j = {{"op", "live"},
         {"ticket", number(o.ticket)},
         {"live_kind", o.record.kind},  // "kind" is the spill line's own
         {"source", o.record.source},
         {"planned_ms", o.record.planned.count()},
         {"relayed_ms", o.record.relayed.count()},
         {"fallback", o.record.fallback},
         {"dropouts", dropouts}};
}
void to_json(json& j, const Listeners& o) {
    json figures = json::array();
    for (const auto& f : o.figures) figures.push_back({f.output, f.peak, f.mean, f.samples});
    j = {{"op", "listeners"}, {"row", o.row}, {"figures", figures}};
}
void to_json(json& j, const KeepLatest& o) { j = {{"op", "keep_latest"}, {"key", o.key}, {"value", o.value}}; }

}  // namespace op

namespace {

WriteOp decode_op(const json& j) {
    const auto name = j.at("op").get<std::string>();
    if (name == "begin") {
        op::Begin o{ticket(j.at("ticket")),
                    j.at("plan").get<AiringPlan>(),
                    instant(j.at("started_at_us")),
                    j.at("outputs").get<std::vector<std::string>>(),
                    std::nullopt,
                    read_key(j, "pending"),
                    j.value("evidence", json::object()).get<StartEvidence>()};
        if (const auto& l = j.at("start_lateness_us"); !l.is_null())
            o.start_lateness = microseconds(l.get<std::int64_t>());
        return o;
    }
    if (name == "set_outputs")
        return op::SetOutputs{ticket(j.at("ticket")), j.at("outputs").get<std::vector<std::string>>()};
    if (name == "progress") return op::Progress{ticket(j.at("ticket")), Millis(j.at("played_ms").get<std::int64_t>())};
    if (name == "finish")
        return op::Finish{
            ticket(j.at("ticket")), instant(j.at("ended_at_us")),      Millis(j.at("played_ms").get<std::int64_t>()),
            status(j.at("status")), j.at("reason").get<std::string>(), j.value("detail", std::string{})};
    if (name == "not_aired")
        return op::NotAired{j.at("plan").get<AiringPlan>(),   status(j.at("status")),
                            instant(j.at("at_us")),           j.at("reason").get<std::string>(),
                            j.value("detail", std::string{}), read_key(j, "pending")};
    if (name == "pending_add")
        return op::PendingAdd{j.at("programme").get<std::string>(), j.at("plans").get<std::vector<AiringPlan>>(),
                              j.value("outputs", std::vector<std::string>{})};
    if (name == "pending_hand_on")
        return op::PendingHandOn{j.at("from").get<std::string>(), j.at("from_cue").get<std::size_t>(),
                                 j.at("to").get<std::string>()};
    if (name == "pending_remove")
        return op::PendingRemove{j.at("programme").get<std::string>(), j.at("cue").get<std::size_t>()};
    if (name == "miss_pending") {
        op::MissPending o{std::nullopt, instant(j.at("at_us")), j.at("reason").get<std::string>()};
        if (const auto& p = j.at("programme"); !p.is_null()) o.programme = p.get<std::string>();
        return o;
    }
    if (name == "live") {
        LiveRecord r{j.at("live_kind").get<std::string>(),
                     j.at("source").get<std::string>(),
                     Millis(j.at("planned_ms").get<std::int64_t>()),
                     Millis(j.at("relayed_ms").get<std::int64_t>()),
                     j.at("fallback").get<std::string>(),
                     {}};
        for (const auto& d : j.at("dropouts"))
            r.dropouts.push_back({instant(d.at(0)), Millis(d.at(1).get<std::int64_t>())});
        return op::Live{ticket(j.at("ticket")), std::move(r)};
    }
    if (name == "listeners") {
        op::Listeners o{j.at("row").get<std::int64_t>(), {}};
        for (const auto& f : j.at("figures"))
            o.figures.push_back(
                {f.at(0).get<std::string>(), f.at(1).get<int>(), f.at(2).get<double>(), f.at(3).get<int>()});
        return o;
    }
    if (name == "keep_latest") return op::KeepLatest{j.at("key").get<std::string>(), j.at("value").get<std::string>()};
    throw std::invalid_argument("unknown write \"" + name + "\"");
}

json optional_row(const std::optional<std::int64_t>& row) { return row ? json(*row) : json(); }
std::optional<std::int64_t> read_row(const json& j) {
    return j.is_null() ? std::nullopt : std::optional<std::int64_t>(j.get<std::int64_t>());
}

}  // namespace

std::string encode(const SpillRecord& record) {
    json j;
    if (const auto* head = std::get_if<SpillHead>(&record)) {
        json rows = json::array();
        for (const auto& [ticket, row] : head->rows) rows.push_back({number(ticket), row});
        j = {{"kind", "head"}, {"format", 1}, {"rows", rows}, {"last_row", optional_row(head->last_row)}};
    } else if (const auto* o = std::get_if<SpillOp>(&record)) {
        j = {{"kind", "op"}, {"seq", o->seq}};
        std::visit([&](const auto& write) { j.update(json(write)); }, o->op);
    } else {
        const auto& done = std::get<SpillDone>(record);
        j = {{"kind", "done"}, {"seq", done.seq}, {"row", optional_row(done.row)}};
    }
    // Non-ASCII text (Vietnamese titles) stays UTF-8; the dump never holds a raw newline.
    return j.dump();
}

SpillRecord decode(std::string_view line) {
    try {
        const json j = json::parse(line);
        const auto kind = j.at("kind").get<std::string>();
        if (kind == "op") return SpillOp{j.at("seq").get<std::uint64_t>(), decode_op(j)};
        if (kind == "done") return SpillDone{j.at("seq").get<std::uint64_t>(), read_row(j.at("row"))};
        if (kind == "head") {
            if (j.at("format").get<int>() != 1) throw std::invalid_argument("unknown format " + j.at("format").dump());
            SpillHead head{{}, read_row(j.at("last_row"))};
            for (const auto& pair : j.at("rows")) head.rows[ticket(pair.at(0))] = pair.at(1).get<std::int64_t>();
            return head;
        }
        throw std::invalid_argument("unknown kind \"" + kind + "\"");
    } catch (const json::exception& e) {
        throw std::invalid_argument(e.what());
    }
}

}  // namespace lp::journal
