#include "journal/JournalStore.hpp"

#include <sstream>
#include <stdexcept>

#include "db/sqlite/Statement.hpp"
#include "domain/Lists.hpp"
#include "domain/Time.hpp"

namespace lp::journal {
namespace {

using domain::from_utc_text;
using domain::to_utc_text;

constexpr const char* select_columns =
    "SELECT id, scheduled_at, started_at, ended_at, media_item_id, file, title, topic, form, slot, "
    "outputs, played_ms, ordinal, status, reason FROM journal ";

JournalRow read_row(const sqlite::Statement& st) {
    JournalRow r;
    r.id = st.integer(0);
    r.plan.scheduled_at = from_utc_text(st.text(1));
    if (auto s = st.optional_text(2)) r.started_at = from_utc_text(*s);
    if (auto s = st.optional_text(3)) r.ended_at = from_utc_text(*s);
    r.plan.media_item_id = st.optional_integer(4);
    r.plan.file = st.text(5);
    r.plan.title = st.text(6);
    r.plan.topic = st.text(7);
    r.plan.form = st.text(8);
    r.plan.slot = st.text(9);
    r.outputs = domain::split_commas(st.text(10));
    r.played = Millis(st.integer(11));
    if (auto o = st.optional_integer(12)) r.ordinal = static_cast<int>(*o);
    const auto status = status_from_code(st.text(13));
    if (!status) throw std::runtime_error("journal row " + std::to_string(r.id) + ": unknown status " + st.text(13));
    r.status = *status;
    r.reason = st.text(14);
    return r;
}

}  // namespace

JournalStore::JournalStore(sqlite::Database& db) : db_(db) {}

std::int64_t JournalStore::begin(const AiringPlan& plan, TimePoint started_at,
                                 const std::vector<std::string>& outputs) {
    sqlite::Transaction tx(db_);
    int earlier = 0;
    if (plan.media_item_id) {
        auto count = db_.prepare(
            "SELECT count(*) FROM journal WHERE media_item_id = ? "
            "AND status IN ('playing', 'completed', 'interrupted')");
        count.bind(1, *plan.media_item_id);
        count.step();
        earlier = static_cast<int>(count.integer(0));
    }
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, started_at, media_item_id, file, title, topic, form, "
        "slot, outputs, played_ms, ordinal, status) VALUES (?,?,?,?,?,?,?,?,?,0,?,'playing')");
    insert.bind(1, to_utc_text(plan.scheduled_at))
        .bind(2, to_utc_text(started_at))
        .bind(3, plan.media_item_id)
        .bind(4, plan.file)
        .bind(5, plan.title)
        .bind(6, plan.topic)
        .bind(7, plan.form)
        .bind(8, plan.slot)
        .bind(9, domain::join_commas(outputs))
        .bind(10, ordinal_for(true, earlier));
    insert.run();
    const auto id = db_.last_insert_rowid();
    tx.commit();
    return id;
}

void JournalStore::progress(std::int64_t id, Millis played) {
    auto st = db_.prepare("UPDATE journal SET played_ms = ? WHERE id = ? AND status = 'playing'");
    st.bind(1, static_cast<std::int64_t>(played.count())).bind(2, id).run();
}

void JournalStore::set_outputs(std::int64_t id, const std::vector<std::string>& outputs) {
    auto st = db_.prepare("UPDATE journal SET outputs = ? WHERE id = ? AND status = 'playing'");
    st.bind(1, domain::join_commas(outputs)).bind(2, id).run();
    if (db_.changes() != 1) throw std::logic_error("journal row " + std::to_string(id) + " is not open");
}

void JournalStore::finish(std::int64_t id, TimePoint ended_at, Millis played, Status status,
                          const std::string& reason) {
    sqlite::Transaction tx(db_);
    const Status next = close(row(id).status, status);
    auto st = db_.prepare(
        "UPDATE journal SET ended_at = ?, played_ms = ?, status = ?, reason = ? WHERE id = ?");
    st.bind(1, to_utc_text(ended_at))
        .bind(2, static_cast<std::int64_t>(played.count()))
        .bind(3, to_code(next))
        .bind(4, reason.empty() ? std::optional<std::string>{} : std::optional<std::string>{reason})
        .bind(5, id)
        .run();
    tx.commit();
}

std::int64_t JournalStore::record_not_aired(const AiringPlan& plan, Status status, TimePoint at,
                                           const std::string& reason) {
    if (reached_listeners(status))
        throw std::logic_error("record_not_aired() with status " + std::string(to_code(status)));
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, ended_at, media_item_id, file, title, topic, form, slot, "
        "outputs, played_ms, status, reason) VALUES (?,?,?,?,?,?,?,?,'',0,?,?)");
    insert.bind(1, to_utc_text(plan.scheduled_at))
        .bind(2, to_utc_text(at))
        .bind(3, plan.media_item_id)
        .bind(4, plan.file)
        .bind(5, plan.title)
        .bind(6, plan.topic)
        .bind(7, plan.form)
        .bind(8, plan.slot)
        .bind(9, to_code(status))
        .bind(10, reason);
    insert.run();
    return db_.last_insert_rowid();
}

int JournalStore::recover_open_rows(TimePoint now) {
    sqlite::Transaction tx(db_);
    // The end is not known; the last committed position is. ended_at = start + position.
    auto st = db_.prepare(
        "UPDATE journal SET status = 'interrupted', "
        "ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, '+' || (played_ms / 1000.0) || ' seconds'), "
        "reason = ? WHERE status = 'playing'");
    st.bind(1, "daemon stopped while airing (crash or power loss); recovered at " + to_utc_text(now));
    st.run();
    const int n = db_.changes();
    tx.commit();
    return n;
}

std::vector<JournalRow> JournalStore::between(TimePoint from, TimePoint to) {
    auto st = db_.prepare(std::string(select_columns) +
                          "WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id");
    st.bind(1, to_utc_text(from)).bind(2, to_utc_text(to));
    std::vector<JournalRow> rows;
    while (st.step()) rows.push_back(read_row(st));
    return rows;
}

JournalRow JournalStore::row(std::int64_t id) {
    auto st = db_.prepare(std::string(select_columns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw std::out_of_range("no journal row " + std::to_string(id));
    return read_row(st);
}

}  // namespace lp::journal
