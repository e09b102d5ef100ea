#include "journal/JournalStore.hpp"

#include <stdexcept>

#include "db/sqlite/Statement.hpp"
#include "domain/Lists.hpp"
#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "journal/Seal.hpp"
#include "journal/detail/RowReader.hpp"

namespace lp::journal {
namespace {

using domain::to_utc_text;

// Parameters 1-8 of both journal inserts: the plan's instant, the row's own instant (start or
// end), then the item, file, title, topic, form and slot.
sqlite::Statement& bind_plan(sqlite::Statement& st, const AiringPlan& plan, TimePoint instant) {
    return st.bind(1, to_utc_text(plan.scheduled_at))
        .bind(2, to_utc_text(instant))
        .bind(3, plan.media_item_id)
        .bind(4, plan.file)
        .bind(5, plan.title)
        .bind(6, detail::topics_column(plan.topics))
        .bind(7, plan.form)
        .bind(8, plan.slot);
}

// The accounts of the one-off a row airs for (parameter ?12: its id, or NULL), read from the
// order itself as the row is written, so they reach the row and its seal however the plan
// travelled (spill file, restart).
const std::string order_accounts =
    "(SELECT nullif(created_by, '') FROM one_off WHERE id = ?12), "
    "(SELECT nullif(approved_by, '') FROM one_off WHERE id = ?12)";

std::optional<std::string> or_null(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>{text};
}

// Parameters first..first+2: clock_synced, archive_file, archive_offset_ms.
void bind_evidence(sqlite::Statement& st, int first, const StartEvidence& e) {
    st.bind(first, e.clock_synced ? std::optional<std::int64_t>{*e.clock_synced ? 1 : 0} : std::nullopt)
        .bind(first + 1, or_null(e.archive_file))
        .bind(first + 2, e.archive_offset ? std::optional<std::int64_t>{e.archive_offset->count()} : std::nullopt);
}

}  // namespace

JournalStore::JournalStore(sqlite::Database& db) : db_(db) {}

std::int64_t JournalStore::begin(const AiringPlan& plan, TimePoint started_at, const std::vector<std::string>& outputs,
                                 std::optional<std::chrono::microseconds> start_lateness,
                                 const std::optional<PendingKey>& pending, const StartEvidence& evidence) {
    sqlite::Transaction tx(db_);
    int earlier = 0;
    if (plan.media_item_id) {
        // Original rows only: a correction re-describes an airing, it is not another one.
        auto count = db_.prepare(
            "SELECT count(*) FROM journal WHERE media_item_id = ? AND corrects IS NULL "
            "AND status IN ('playing', 'completed', 'interrupted')");
        count.bind(1, *plan.media_item_id);
        count.step();
        earlier = static_cast<int>(count.integer(0));
    }
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, started_at, media_item_id, file, title, topic, form, "
        "slot, outputs, played_ms, ordinal, status, media_sha256, start_lateness_us, ordered_by, approved_by, "
        "clock_synced, archive_file, archive_offset_ms) "
        "VALUES (?,?,?3,?,?,?,?,?,?,0,?,'playing', (SELECT sha256 FROM media_item WHERE id = ?3), ?11, " +
        order_accounts + ", ?13, ?14, ?15)");
    bind_plan(insert, plan, started_at)
        .bind(9, domain::join_commas(outputs))
        .bind(10, ordinal_for(true, earlier))
        .bind(11, start_lateness ? std::optional<std::int64_t>{start_lateness->count()} : std::nullopt)
        .bind(12, plan.one_off);
    bind_evidence(insert, 13, evidence);
    insert.run();
    const auto id = db_.last_insert_rowid();
    if (pending)
        db_.prepare("UPDATE pending_airing SET journal_id = ? WHERE programme = ? AND cue = ?")
            .bind(1, id)
            .bind(2, pending->programme)
            .bind(3, static_cast<std::int64_t>(pending->cue))
            .run();
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

void JournalStore::finish(std::int64_t id, TimePoint ended_at, Millis played, Status status, const std::string& reason,
                          const std::string& detail) {
    sqlite::Transaction tx(db_);
    const Status next = close(row(id).status, status);
    auto st =
        db_.prepare("UPDATE journal SET ended_at = ?, played_ms = ?, status = ?, reason = ?, detail = ? WHERE id = ?");
    st.bind(1, to_utc_text(ended_at))
        .bind(2, static_cast<std::int64_t>(played.count()))
        .bind(3, to_code(next))
        .bind(4, or_null(reason))
        .bind(5, or_null(detail))
        .bind(6, id)
        .run();
    if (next != Status::interrupted) db_.prepare("DELETE FROM pending_airing WHERE journal_id = ?").bind(1, id).run();
    seal(id);
    tx.commit();
}

std::int64_t JournalStore::record_not_aired(const AiringPlan& plan, Status status, TimePoint at,
                                            const std::string& reason, const std::string& detail,
                                            const std::optional<PendingKey>& pending) {
    if (reached_listeners(status))
        throw std::logic_error("record_not_aired() with status " + std::string(to_code(status)));
    sqlite::Transaction tx(db_);
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, ended_at, media_item_id, file, title, topic, form, slot, "
        "outputs, played_ms, status, reason, detail, media_sha256, ordered_by, approved_by) "
        "VALUES (?,?,?3,?,?,?,?,?,'',0,?,?,?, (SELECT sha256 FROM media_item WHERE id = ?3), " +
        order_accounts + ")");
    bind_plan(insert, plan, at)
        .bind(9, to_code(status))
        .bind(10, reason)
        .bind(11, or_null(detail))
        .bind(12, plan.one_off);
    insert.run();
    const auto id = db_.last_insert_rowid();
    if (pending)
        db_.prepare("DELETE FROM pending_airing WHERE programme = ? AND cue = ?")
            .bind(1, pending->programme)
            .bind(2, static_cast<std::int64_t>(pending->cue))
            .run();
    seal(id);
    tx.commit();
    return id;
}

int JournalStore::recover_open_rows(TimePoint now, const date::time_zone* tz) {
    sqlite::Transaction tx(db_);
    // Rows closed before the chain existed (schema 2) join it first, in id order.
    std::vector<std::int64_t> legacy;
    auto old = db_.prepare(
        "SELECT id FROM journal WHERE seal IS NULL AND status != 'playing' "
        "AND id < (SELECT first_row FROM journal_chain_start WHERE id = 1) ORDER BY id");
    while (old.step()) legacy.push_back(old.integer(0));
    for (const auto id : legacy) seal(id);
    std::vector<std::int64_t> open;
    auto find = db_.prepare("SELECT id FROM journal WHERE status = 'playing' ORDER BY id");
    while (find.step()) open.push_back(find.integer(0));
    // The end is not known; the last committed position is. ended_at = start + position.
    auto st = db_.prepare(
        "UPDATE journal SET status = 'interrupted', "
        "ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at, '+' || (played_ms / 1000.0) || ' seconds'), "
        "reason = ? WHERE status = 'playing'");
    st.bind(1, domain::texts::stopped_while_airing(tz, now));
    st.run();
    const int n = db_.changes();
    for (const auto id : open) seal(id);
    tx.commit();
    return n;
}

std::int64_t JournalStore::add_manual(const ManualEntry& e) {
    if (e.entered_by.empty()) throw std::invalid_argument("a manual entry needs the name of who entered it");
    if (e.title.empty()) throw std::invalid_argument("a manual entry needs a title");
    sqlite::Transaction tx(db_);
    // Manual items have no library id: they count by title among manual rows.
    auto count = db_.prepare(
        "SELECT count(*) FROM journal WHERE media_item_id IS NULL AND corrects IS NULL AND title = ? "
        "AND status IN ('playing', 'completed', 'interrupted')");
    count.bind(1, e.title);
    count.step();
    const int earlier = static_cast<int>(count.integer(0));
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, started_at, ended_at, file, title, topic, form, slot, outputs, "
        "played_ms, ordinal, status, reason, manual_by) VALUES (?1,?1,?2,'',?3,?4,?5,?6,'',?7,?8,'completed',?9,?10)");
    insert.bind(1, to_utc_text(e.started_at))
        .bind(2, to_utc_text(e.started_at + e.duration))
        .bind(3, e.title)
        .bind(4, detail::topics_column({e.topic}))
        .bind(5, e.form)
        .bind(6, e.slot)
        .bind(7, static_cast<std::int64_t>(e.duration.count()))
        .bind(8, ordinal_for(true, earlier))
        .bind(9, or_null(e.note))
        .bind(10, e.entered_by);
    insert.run();
    const auto id = db_.last_insert_rowid();
    seal(id);
    tx.commit();
    return id;
}

std::int64_t JournalStore::correct(std::int64_t id, const Correction& c) {
    if (c.by.empty()) throw std::invalid_argument("a correction needs the name of who made it");
    if (c.reason.empty()) throw std::invalid_argument("a correction needs a reason");
    sqlite::Transaction tx(db_);
    JournalRow original;
    try {
        original = row(id);
    } catch (const std::out_of_range&) {
        throw CorrectionRefused(CorrectionRefused::Why::no_row, "no journal row " + std::to_string(id));
    }
    if (original.status == Status::playing)
        throw CorrectionRefused(CorrectionRefused::Why::still_open,
                                "journal row " + std::to_string(id) + " is still airing");
    // A correction of a correction corrects the same airing: it names the original row.
    const auto root = original.corrects.value_or(id);
    // Compare with what the journal says now: the latest correction of that airing, if any.
    auto latest = db_.prepare("SELECT max(id) FROM journal WHERE corrects = ?");
    latest.bind(1, root);
    latest.step();
    JournalRow next = row(latest.optional_integer(0).value_or(root));
    bool changed = false;
    const auto apply = [&](const std::optional<std::string>& v, std::string& field) {
        if (v && *v != field) {
            field = *v;
            changed = true;
        }
    };
    apply(c.title, next.plan.title);
    apply(c.form, next.plan.form);
    if (c.topics && detail::topics_column(*c.topics) != detail::topics_column(next.plan.topics)) {
        next.plan.topics = *c.topics;
        changed = true;
    }
    if (!changed)
        throw CorrectionRefused(CorrectionRefused::Why::unchanged,
                                "the correction changes nothing in journal row " + std::to_string(id));
    auto insert = db_.prepare(
        "INSERT INTO journal (scheduled_at, started_at, ended_at, media_item_id, file, title, topic, form, slot, "
        "outputs, played_ms, ordinal, status, reason, media_sha256, manual_by, corrects, detail, ordered_by, "
        "approved_by, clock_synced, archive_file, archive_offset_ms) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, to_utc_text(next.plan.scheduled_at))
        .bind(2, next.started_at ? std::optional<std::string>{to_utc_text(*next.started_at)} : std::nullopt)
        .bind(3, next.ended_at ? std::optional<std::string>{to_utc_text(*next.ended_at)} : std::nullopt)
        .bind(4, next.plan.media_item_id)
        .bind(5, next.plan.file)
        .bind(6, next.plan.title)
        .bind(7, detail::topics_column(next.plan.topics))
        .bind(8, next.plan.form)
        .bind(9, next.plan.slot)
        .bind(10, domain::join_commas(next.outputs))
        .bind(11, static_cast<std::int64_t>(next.played.count()))
        .bind(12, next.ordinal)
        .bind(13, to_code(next.status))
        .bind(14, c.reason)
        .bind(15, next.media_sha256)
        .bind(16, c.by)
        .bind(17, root)
        .bind(18, or_null(next.detail))
        .bind(19, or_null(next.ordered_by))
        .bind(20, or_null(next.approved_by));
    bind_evidence(insert, 21, next.start_evidence);  // a correction re-describes the same airing
    insert.run();
    const auto new_id = db_.last_insert_rowid();
    seal(new_id);
    tx.commit();
    return new_id;
}

std::optional<TimePoint> JournalStore::last_activity() {
    // Rows still open carry their last position in played_ms (recover_open_rows turns it into
    // ended_at); ISO-8601 UTC texts of one format compare in time order.
    auto st = db_.prepare(
        "SELECT max(max(coalesce(ended_at, ''), coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', started_at, "
        "'+' || (played_ms / 1000.0) || ' seconds'), ''))) FROM journal WHERE manual_by IS NULL OR manual_by = ''");
    if (!st.step() || st.is_null(0) || st.text(0).empty()) return std::nullopt;
    return domain::from_utc_text(st.text(0));
}

ChainHead JournalStore::head() {
    auto st = db_.prepare("SELECT chain_seq, seal FROM journal_head WHERE id = 1");
    if (!st.step()) return {0, std::string(genesis_seal)};
    return {st.integer(0), st.text(1)};
}

void JournalStore::seal(std::int64_t id) {
    const ChainHead previous = head();
    const auto seq = previous.chain_seq + 1;
    JournalRow r = row(id);
    r.seal_version = current_seal_version;
    const std::string s = seal_of(previous.seal, r, seq);
    auto update = db_.prepare("UPDATE journal SET chain_seq = ?, seal = ?, seal_version = ? WHERE id = ?");
    update.bind(1, seq).bind(2, s).bind(3, current_seal_version).bind(4, id).run();
    auto h = db_.prepare(
        "INSERT INTO journal_head (id, chain_seq, seal) VALUES (1, ?1, ?2) "
        "ON CONFLICT(id) DO UPDATE SET chain_seq = ?1, seal = ?2");
    h.bind(1, seq).bind(2, s).run();
}

std::vector<JournalRow> JournalStore::between(TimePoint from, TimePoint to) {
    auto st = db_.prepare(std::string(detail::select_columns) +
                          "WHERE scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at, id");
    st.bind(1, to_utc_text(from)).bind(2, to_utc_text(to));
    std::vector<JournalRow> rows;
    while (st.step()) rows.push_back(detail::read_row(st));
    return rows;
}

JournalRow JournalStore::row(std::int64_t id) {
    auto st = db_.prepare(std::string(detail::select_columns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw std::out_of_range("no journal row " + std::to_string(id));
    return detail::read_row(st);
}

}  // namespace lp::journal
