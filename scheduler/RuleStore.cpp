#include "scheduler/RuleStore.hpp"

#include <sstream>
#include <stdexcept>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"

namespace lp::scheduler {
namespace {

LocalDate parse_stored_date(const std::string& text) {
    const auto d = domain::parse_date(text);
    if (!d) throw std::runtime_error("database holds a bad date \"" + text + "\"");
    return *d;
}

std::optional<LocalDate> optional_date(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    return parse_stored_date(*text);
}

std::string start_text(const Slot& s) {
    if (s.relative_start) return "+" + std::to_string(s.relative_start->count()) + "s";
    return domain::duration_text(s.start_of_day);  // "05:30:00"
}

void parse_start(const std::string& text, Slot& s) {
    if (!text.empty() && text.front() == '+') {
        s.relative_start = Seconds(std::stoll(text.substr(1)));
        return;
    }
    unsigned h = 0, m = 0, sec = 0;
    if (std::sscanf(text.c_str(), "%2u:%2u:%2u", &h, &m, &sec) != 3)
        throw std::runtime_error("database holds a bad slot start \"" + text + "\"");
    s.start_of_day = std::chrono::hours(h) + std::chrono::minutes(m) + Seconds(sec);
}

std::string_view kind_code(Entry::Kind k) {
    switch (k) {
        case Entry::Kind::fixed: return "fixed";
        case Entry::Kind::pool: return "pool";
        case Entry::Kind::opening_jingle: return "opening_jingle";
        case Entry::Kind::closing_jingle: return "closing_jingle";
    }
    return "fixed";
}

Entry::Kind kind_from(const std::string& code) {
    for (auto k : {Entry::Kind::fixed, Entry::Kind::pool, Entry::Kind::opening_jingle, Entry::Kind::closing_jingle})
        if (kind_code(k) == code) return k;
    throw std::runtime_error("database holds an unknown programme entry kind \"" + code + "\"");
}

}  // namespace

RuleStore::RuleStore(sqlite::Database& db) : db_(db) {}

Rules RuleStore::load() {
    Rules r;
    // Topics in the item's order; the library keeps media_item.topic as the first of them.
    auto items = db_.prepare(
        "SELECT m.id, m.title, m.file, coalesce((SELECT group_concat(topic, ',') FROM "
        "(SELECT topic FROM media_item_topic t WHERE t.media_item_id = m.id ORDER BY position)), m.topic), "
        "m.form, coalesce(m.duration_ms, 0), CASE WHEN a.state = 'approved' THEN a.approved_by END, m.valid_from, "
        "m.valid_until, m.retired_at IS NOT NULL, "
        "m.loudness_lufs, "
        "(SELECT group_concat(tag, ',') FROM media_item_tag g WHERE g.media_item_id = m.id), m.sha256, "
        "m.live_url, m.live_kind, m.live_fallback "
        "FROM media_item m LEFT JOIN approval a ON a.media_item_id = m.id ORDER BY m.id");
    while (items.step()) {
        ItemInfo i;
        i.id = items.integer(0);
        i.title = items.text(1);
        i.file = items.text(2);
        i.topics = domain::split_commas(items.text(3));
        i.form = items.text(4);
        i.duration = Millis(items.integer(5));
        i.approved_by = items.optional_text(6);
        i.valid_from = optional_date(items.optional_text(7));
        i.valid_until = optional_date(items.optional_text(8));
        i.retired = items.integer(9) != 0;
        if (!items.is_null(10)) i.loudness_lufs = items.real(10);
        i.tags = domain::split_commas(items.text(11));
        i.sha256 = items.optional_text(12);
        i.live_url = items.optional_text(13).value_or("");
        i.live_kind = items.optional_text(14).value_or("");
        i.live_fallback = items.optional_integer(15);
        r.items.push_back(std::move(i));
    }
    auto slots = db_.prepare(
        "SELECT id, name, days, start_time, max_length_s, outputs, first_day, last_day, skipped_days "
        "FROM slot ORDER BY id");
    auto entries = db_.prepare(
        "SELECT kind, media_item_id, pick_count, topics, forms, tags FROM programme_entry WHERE slot_id = ? "
        "ORDER BY position");
    while (slots.step()) {
        Slot s;
        s.id = slots.integer(0);
        s.name = slots.text(1);
        s.days.clear();
        for (const auto& d : domain::split_commas(slots.text(2)))
            s.days.push_back(static_cast<unsigned>(std::stoul(d)));
        parse_start(slots.text(3), s);
        s.max_length = Seconds(slots.integer(4));
        s.outputs = domain::split_commas(slots.text(5));
        s.first_day = optional_date(slots.optional_text(6));
        s.last_day = optional_date(slots.optional_text(7));
        for (const auto& d : domain::split_commas(slots.text(8))) s.skipped_days.push_back(parse_stored_date(d));
        entries.bind(1, s.id);
        while (entries.step()) {
            Entry e;
            e.kind = kind_from(entries.text(0));
            e.item = entries.optional_integer(1).value_or(0);
            e.count = static_cast<int>(entries.integer(2));
            e.filter.topics = domain::split_commas(entries.text(3));
            e.filter.forms = domain::split_commas(entries.text(4));
            e.filter.tags = domain::split_commas(entries.text(5));
            s.programme.push_back(std::move(e));
        }
        entries.reset();
        r.slots.push_back(std::move(s));
    }
    auto one_offs = db_.prepare(
        "SELECT id, media_item_id, at, priority, repeat, gap_s, outputs, created_by, approved_by FROM one_off "
        "WHERE cancelled_at IS NULL "
        "ORDER BY at, id");
    while (one_offs.step()) {
        OneOff o;
        o.id = one_offs.integer(0);
        o.item = one_offs.integer(1);
        o.at = domain::from_utc_text(one_offs.text(2));
        o.priority = priority_from_code(one_offs.text(3)).value_or(Priority::normal);
        o.repeat = static_cast<int>(one_offs.integer(4));
        o.gap = Seconds(one_offs.integer(5));
        o.outputs = domain::split_commas(one_offs.text(6));
        o.ordered_by = one_offs.optional_text(7);
        o.approved_by = one_offs.optional_text(8);
        r.one_offs.push_back(std::move(o));
    }
    return r;
}

std::int64_t RuleStore::save_slot(const Slot& s) {
    sqlite::Transaction tx(db_);
    auto upsert = db_.prepare(
        "INSERT INTO slot (name, days, start_time, max_length_s, outputs, first_day, last_day, skipped_days) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET days = excluded.days, "
        "start_time = excluded.start_time, max_length_s = excluded.max_length_s, outputs = excluded.outputs, "
        "first_day = excluded.first_day, last_day = excluded.last_day, skipped_days = excluded.skipped_days "
        "RETURNING id");
    upsert.bind(1, s.name)
        .bind(2, domain::join_commas(s.days, [](unsigned d) { return std::to_string(d); }))
        .bind(3, start_text(s))
        .bind(4, static_cast<std::int64_t>(s.max_length.count()))
        .bind(5, domain::join_commas(s.outputs))
        .bind(6, s.first_day ? std::optional(domain::iso_date_text(*s.first_day)) : std::nullopt)
        .bind(7, s.last_day ? std::optional(domain::iso_date_text(*s.last_day)) : std::nullopt)
        .bind(8, domain::join_commas(s.skipped_days, domain::iso_date_text));
    upsert.step();
    const auto id = upsert.integer(0);
    upsert.reset();
    db_.prepare("DELETE FROM programme_entry WHERE slot_id = ?").bind(1, id).run();
    auto entry = db_.prepare(
        "INSERT INTO programme_entry (slot_id, position, kind, media_item_id, pick_count, topics, forms, tags) "
        "VALUES (?,?,?,?,?,?,?,?)");
    for (std::size_t i = 0; i < s.programme.size(); ++i) {
        const auto& e = s.programme[i];
        entry.bind(1, id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, kind_code(e.kind))
            .bind(4, e.kind == Entry::Kind::pool ? std::optional<std::int64_t>{} : std::optional(e.item))
            .bind(5, e.count)
            .bind(6, domain::join_commas(e.filter.topics))
            .bind(7, domain::join_commas(e.filter.forms))
            .bind(8, domain::join_commas(e.filter.tags));
        entry.run();
    }
    tx.commit();
    return id;
}

bool RuleStore::remove_slot(const std::string& name) {
    db_.prepare("DELETE FROM slot WHERE name = ?").bind(1, name).run();
    return db_.changes() > 0;
}

std::int64_t RuleStore::add_one_off(const OneOff& o, const std::string& created_by) {
    db_.prepare(
           "INSERT INTO one_off (media_item_id, at, priority, repeat, gap_s, outputs, created_by, approved_by) "
           "VALUES (?,?,?,?,?,?,?,?)")
        .bind(1, o.item)
        .bind(2, domain::to_utc_text(o.at))
        .bind(3, priority_code(o.priority))
        .bind(4, o.repeat)
        .bind(5, static_cast<std::int64_t>(o.gap.count()))
        .bind(6, domain::join_commas(o.outputs))
        .bind(7, created_by)
        .bind(8, o.approved_by)
        .run();
    return db_.last_insert_rowid();
}

bool RuleStore::cancel_one_off(std::int64_t id) {
    db_.prepare(
           "UPDATE one_off SET cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
           "WHERE id = ? AND cancelled_at IS NULL")
        .bind(1, id)
        .run();
    return db_.changes() > 0;
}

Marks RuleStore::load_marks(TimePoint fallback) {
    Marks m{fallback, fallback};
    auto st = db_.prepare("SELECT key, value FROM scheduler_state WHERE key IN ('slots_done', 'emergencies_done')");
    while (st.step()) {
        const auto t = domain::from_utc_text(st.text(1));
        (st.text(0) == "slots_done" ? m.slots : m.emergencies) = t;
    }
    return m;
}

void RuleStore::save_marks(const Marks& m) {
    auto st = db_.prepare(
        "INSERT INTO scheduler_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, "slots_done").bind(2, domain::to_utc_text(m.slots)).run();
    st.bind(1, "emergencies_done").bind(2, domain::to_utc_text(m.emergencies)).run();
}

}  // namespace lp::scheduler
