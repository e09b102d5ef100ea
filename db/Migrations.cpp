#include <array>
#include <string>
#include <string_view>

#include "db/Store.hpp"
#include "db/sqlite/Error.hpp"

namespace lp::db {
namespace {

// Each entry moves the schema from version N to N+1. Never edit a released entry: add one.
// Instants are UTC text "YYYY-MM-DDTHH:MM:SS.mmmZ" so they sort and read well in sqlite3.
constexpr std::array<std::string_view, 21> migrations{
    // 1: library, slots and the journal of airings.
    R"sql(
CREATE TABLE media_item (
    id          INTEGER PRIMARY KEY,
    file        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    topic       TEXT NOT NULL DEFAULT 'other',
    form        TEXT NOT NULL DEFAULT 'other',
    sha256      TEXT,
    duration_ms INTEGER,
    added_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE slot (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    days         TEXT NOT NULL,
    start_time   TEXT NOT NULL,
    max_length_s INTEGER NOT NULL,
    outputs      TEXT NOT NULL
);
CREATE TABLE slot_item (
    slot_id       INTEGER NOT NULL REFERENCES slot(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    media_item_id INTEGER NOT NULL REFERENCES media_item(id),
    PRIMARY KEY (slot_id, position)
);
CREATE TABLE journal (
    id            INTEGER PRIMARY KEY,
    scheduled_at  TEXT NOT NULL,
    started_at    TEXT,
    ended_at      TEXT,
    media_item_id INTEGER REFERENCES media_item(id),
    title         TEXT NOT NULL,
    topic         TEXT NOT NULL,
    form          TEXT NOT NULL,
    slot          TEXT NOT NULL,
    outputs       TEXT NOT NULL,
    played_ms     INTEGER NOT NULL DEFAULT 0,
    ordinal       INTEGER,
    status        TEXT NOT NULL,
    reason        TEXT
);
)sql",
    // 2: the aired file itself is evidence; exports select by scheduled time.
    R"sql(
ALTER TABLE journal ADD COLUMN file TEXT;
CREATE INDEX journal_by_scheduled ON journal(scheduled_at);
CREATE INDEX journal_by_item ON journal(media_item_id, status);
)sql",
    // 3: the media library. What an import measured (codec, rate, loudness, size, tags as
    // JSON), what the operator said (source, note, validity as local yyyy-mm-dd, the text
    // of a spoken item), retirement, and several topics per item (media_item.topic stays
    // the first one, which the journal copies). One item per content: sha256 is unique.
    R"sql(
ALTER TABLE media_item ADD COLUMN original_name TEXT;
ALTER TABLE media_item ADD COLUMN source TEXT;
ALTER TABLE media_item ADD COLUMN note TEXT;
ALTER TABLE media_item ADD COLUMN valid_from TEXT;
ALTER TABLE media_item ADD COLUMN valid_until TEXT;
ALTER TABLE media_item ADD COLUMN speech_text TEXT;
ALTER TABLE media_item ADD COLUMN container TEXT;
ALTER TABLE media_item ADD COLUMN codec TEXT;
ALTER TABLE media_item ADD COLUMN sample_rate INTEGER;
ALTER TABLE media_item ADD COLUMN channels INTEGER;
ALTER TABLE media_item ADD COLUMN bit_rate INTEGER;
ALTER TABLE media_item ADD COLUMN size_bytes INTEGER;
ALTER TABLE media_item ADD COLUMN loudness_lufs REAL;
ALTER TABLE media_item ADD COLUMN true_peak_dbtp REAL;
ALTER TABLE media_item ADD COLUMN tags TEXT;
ALTER TABLE media_item ADD COLUMN retired_at TEXT;
CREATE UNIQUE INDEX media_item_by_sha256 ON media_item(sha256) WHERE sha256 IS NOT NULL;
CREATE TABLE media_item_topic (
    media_item_id INTEGER NOT NULL REFERENCES media_item(id) ON DELETE CASCADE,
    topic         TEXT NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (media_item_id, topic)
);
INSERT INTO media_item_topic (media_item_id, topic, position) SELECT id, topic, 0 FROM media_item;
)sql",
    // 4: the scheduler's rules and state: slot calendars, programmes (fixed items, pool picks,
    // jingles), one-offs with priority, approvals, and the high-water marks of decided starts.
    R"sql(
ALTER TABLE slot ADD COLUMN first_day TEXT;
ALTER TABLE slot ADD COLUMN last_day TEXT;
ALTER TABLE slot ADD COLUMN skipped_days TEXT NOT NULL DEFAULT '';
CREATE TABLE programme_entry (
    slot_id       INTEGER NOT NULL REFERENCES slot(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    media_item_id INTEGER REFERENCES media_item(id),
    pick_count    INTEGER NOT NULL DEFAULT 1,
    topics        TEXT NOT NULL DEFAULT '',
    forms         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (slot_id, position)
);
INSERT INTO programme_entry (slot_id, position, kind, media_item_id)
    SELECT slot_id, position, 'fixed', media_item_id FROM slot_item;
DROP TABLE slot_item;
CREATE TABLE one_off (
    id            INTEGER PRIMARY KEY,
    media_item_id INTEGER NOT NULL REFERENCES media_item(id),
    at            TEXT NOT NULL,
    priority      TEXT NOT NULL,
    repeat        INTEGER NOT NULL DEFAULT 1,
    gap_s         INTEGER NOT NULL DEFAULT 0,
    outputs       TEXT NOT NULL DEFAULT '',
    created_by    TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    cancelled_at  TEXT
);
CREATE TABLE approval (
    media_item_id INTEGER PRIMARY KEY REFERENCES media_item(id),
    approved_by   TEXT NOT NULL,
    approved_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE scheduler_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql",
    // 5: tamper evidence and operator entries. Every closed row is sealed, in the order it
    // closed (chain_seq), with seal = SHA-256(previous seal, canonical row); journal_head keeps
    // the chain's last link. Manual rows carry who entered them; a correction is a new row that
    // names the row it corrects. Sealed rows can be neither changed nor deleted.
    R"sql(
ALTER TABLE journal ADD COLUMN media_sha256 TEXT;
ALTER TABLE journal ADD COLUMN manual_by TEXT;
ALTER TABLE journal ADD COLUMN corrects INTEGER REFERENCES journal(id);
ALTER TABLE journal ADD COLUMN chain_seq INTEGER;
ALTER TABLE journal ADD COLUMN seal TEXT;
CREATE UNIQUE INDEX journal_by_chain ON journal(chain_seq);
CREATE TABLE journal_head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    chain_seq INTEGER NOT NULL,
    seal      TEXT NOT NULL
);
-- Rows closed before the chain existed are sealed once, in id order, when the daemon next starts.
CREATE TABLE journal_chain_start (id INTEGER PRIMARY KEY CHECK (id = 1), first_row INTEGER NOT NULL);
INSERT INTO journal_chain_start (id, first_row) SELECT 1, coalesce(max(id), 0) + 1 FROM journal;
CREATE TRIGGER journal_sealed_rows_are_final BEFORE UPDATE ON journal
WHEN OLD.seal IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'journal: a sealed row cannot be changed; record a correction instead');
END;
CREATE TRIGGER journal_rows_are_never_deleted BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'journal: rows cannot be deleted; record a correction instead');
END;
)sql",
    // 6: items handed to the player but not yet started. A stop, crash or power cut leaves
    // them here; the daemon journals them `missed` so no planned airing vanishes silently.
    R"sql(
CREATE TABLE pending_airing (
    programme     TEXT NOT NULL,
    cue           INTEGER NOT NULL,
    scheduled_at  TEXT NOT NULL,
    media_item_id INTEGER REFERENCES media_item(id),
    file          TEXT NOT NULL,
    title         TEXT NOT NULL,
    topic         TEXT NOT NULL,
    form          TEXT NOT NULL,
    slot          TEXT NOT NULL,
    PRIMARY KEY (programme, cue)
);
)sql",
    // 7: the operator's own tags on items (e.g. "tet", "bao-lu"), which pool entries can select.
    R"sql(
CREATE TABLE media_item_tag (
    media_item_id INTEGER NOT NULL REFERENCES media_item(id) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (media_item_id, tag)
);
ALTER TABLE programme_entry ADD COLUMN tags TEXT NOT NULL DEFAULT '';
)sql",
    // 8: how late the first sample left against the instant the player was given, in
    // microseconds, for the airing that opens a programme (its later items follow the one
    // before). The player's own measure of punctuality; not part of the seal, which predates it.
    R"sql(
ALTER TABLE journal ADD COLUMN start_lateness_us INTEGER;
)sql",
    // 9: what of the config file was applied last: a SHA-256 of its parsed [[slot]] section, so
    // the file's slots and items are applied when the file changes, not at every start.
    R"sql(
CREATE TABLE config_applied (
    section    TEXT PRIMARY KEY,
    sha256     TEXT NOT NULL,
    source     TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql",
    // 10: an item handed to the player stays pending until its airing is settled (completed
    // or failed), not only until it starts: a cue cut by a crash is aired again from its
    // start after a restart within the grace period. journal_id links the row of the attempt
    // that was cut; outputs and one_off let the resumption go where the original would.
    R"sql(
ALTER TABLE pending_airing ADD COLUMN journal_id INTEGER REFERENCES journal(id);
ALTER TABLE pending_airing ADD COLUMN outputs TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_airing ADD COLUMN one_off INTEGER;
)sql",
    // 11: a row says all a reviewer reads, and its seal covers it. journal.topic and
    // pending_airing.topic hold every topic of the item, comma-separated in the item's order
    // (rows from before hold one). `detail` keeps the technical text (FFmpeg's message, a file
    // path) apart from the Vietnamese reason. `seal_version` names the canonical form the row
    // was sealed with (journal/Seal.hpp): NULL for rows sealed before it existed (version 1:
    // without start_lateness_us and detail), 2 from now on.
    R"sql(
ALTER TABLE journal ADD COLUMN detail TEXT;
ALTER TABLE journal ADD COLUMN seal_version INTEGER;
)sql",
    // 12: accounts of the HTTP API (Argon2id hashes, libsodium's encoded form), bearer tokens for
    // scripts (only their SHA-256 is kept), and the sealed audit chain of every state change:
    //   audit.seal = SHA-256(previous seal || canonical(row)) (auth/AuditSeal.hpp); audit_head
    // keeps the last link so deleting the newest rows is noticed too. `epoch` grows when the
    // password changes or the account is disabled, which ends its sessions.
    R"sql(
CREATE TABLE accounts (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'approver', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    disabled      INTEGER NOT NULL DEFAULT 0,
    epoch         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    account    TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE ON UPDATE CASCADE,
    label      TEXT NOT NULL,
    sha256     TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used  TEXT
);
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    account TEXT NOT NULL,
    role    TEXT NOT NULL,
    action  TEXT NOT NULL,
    object  TEXT NOT NULL,
    summary TEXT NOT NULL,
    seal    TEXT NOT NULL
);
CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_id INTEGER NOT NULL, seal TEXT NOT NULL);
CREATE TRIGGER audit_rows_are_final BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit: rows cannot be changed');
END;
CREATE TRIGGER audit_rows_are_never_deleted BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit: rows cannot be deleted');
END;
)sql",
    // 13: the API's state. An approval has a state (approved, rejected, revoked) with who, when
    // and a comment; only an approved item airs. approval_history keeps every decision.
    // organisation_setting overrides [organisation] of the config (report headers).
    // emergency_request: an operator's emergency waiting for an approver (a setting).
    R"sql(
ALTER TABLE approval ADD COLUMN state TEXT NOT NULL DEFAULT 'approved'
    CHECK (state IN ('approved', 'rejected', 'revoked'));
ALTER TABLE approval ADD COLUMN comment TEXT;
CREATE TABLE approval_history (
    id            INTEGER PRIMARY KEY,
    media_item_id INTEGER NOT NULL REFERENCES media_item(id),
    state         TEXT NOT NULL CHECK (state IN ('approved', 'rejected', 'revoked')),
    decided_by    TEXT NOT NULL,
    decided_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    comment       TEXT
);
INSERT INTO approval_history (media_item_id, state, decided_by, decided_at)
    SELECT media_item_id, 'approved', approved_by, approved_at FROM approval;
CREATE TABLE organisation_setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE emergency_request (
    id            INTEGER PRIMARY KEY,
    media_item_id INTEGER NOT NULL REFERENCES media_item(id),
    outputs       TEXT NOT NULL DEFAULT '',
    requested_by  TEXT NOT NULL,
    requested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    state         TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'confirmed', 'refused')),
    decided_by    TEXT,
    decided_at    TEXT,
    comment       TEXT,
    one_off_id    INTEGER REFERENCES one_off(id)
);
ALTER TABLE one_off ADD COLUMN approved_by TEXT;
)sql",
    // 14: an order to air is evidence. A row aired for a one-off names the account that ordered
    // it and, for an operator's emergency an approver confirmed, the approving account; seal
    // version 3 (journal/Seal.hpp) covers both. NULL on every other row.
    R"sql(
ALTER TABLE journal ADD COLUMN ordered_by TEXT;
ALTER TABLE journal ADD COLUMN approved_by TEXT;
)sql",
    // 15: signed checkpoints of the journal's chain (evidence/Checkpoint.hpp): the line as
    // signed, so it can be checked again later; never updated or deleted by loaphuong.
    R"sql(
CREATE TABLE journal_checkpoint (
    id         INTEGER PRIMARY KEY,
    key_id     TEXT NOT NULL,
    chain_seq  INTEGER NOT NULL,
    seal       TEXT NOT NULL,
    made_at    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    line       TEXT NOT NULL
);
CREATE INDEX journal_checkpoint_by_time ON journal_checkpoint(made_at);
)sql",
    // 16: live sources (tiếp sóng / trực tiếp). A library item may be a source instead of a
    // file (live_url; its planned length in duration_ms, its fallback item); how each airing of
    // one went is kept beside its sealed row (the seal is unchanged): the kind, the source,
    // seconds planned and relayed, the fallback, and each dropout.
    R"sql(
ALTER TABLE media_item ADD COLUMN live_url TEXT;
ALTER TABLE media_item ADD COLUMN live_kind TEXT;
ALTER TABLE media_item ADD COLUMN live_fallback INTEGER REFERENCES media_item(id);
CREATE TABLE journal_live (
    journal_id INTEGER PRIMARY KEY REFERENCES journal(id),
    kind       TEXT NOT NULL CHECK (kind IN ('tiep_song', 'truc_tiep')),
    source     TEXT NOT NULL,
    planned_ms INTEGER NOT NULL,
    relayed_ms INTEGER NOT NULL,
    fallback   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE journal_dropout (
    journal_id INTEGER NOT NULL REFERENCES journal(id),
    at         TEXT NOT NULL,
    length_ms  INTEGER NOT NULL
);
CREATE INDEX journal_dropout_by_row ON journal_dropout(journal_id);
)sql",
    // 17: the public listen-again side's figures (issue 13; reach/Counts.hpp), for the interest
    // report: per local day (yyyy-mm-dd), item and kind, how many clients counted, each once a
    // day: `listen` (at least 30 s of the item fetched), `feed` (the podcast feed fetched),
    // `qr` (a visit from a QR code). media_item_id 0 is the page or the feed as a whole (so no
    // foreign key). Nothing identifies a client: no address, agent, cookie or hash.
    R"sql(
CREATE TABLE reach_count (
    day           TEXT NOT NULL,
    media_item_id INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('listen', 'feed', 'qr')),
    count         INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, media_item_id, kind)
) WITHOUT ROWID;
)sql",
    // 18: residents' feedback (issue 13; reach/FeedbackStore.hpp), for the interest report. One
    // row per rating and/or comment on an item (media_item_id) or, when none is named, a topic
    // (a plan heading code); the channel it came by: 'web' (the item page's form, stored
    // 'pending' until an approver approves or rejects it; recorded_by NULL, nothing about the
    // sender), or 'hotline', 'zalo', 'hop_thu' (hòm thư góp ý), 'hop_to_dan_pho' (họp tổ dân
    // phố), 'ban_thanh_tra' (Ban thanh tra nhân dân), recorded by an operator's account and
    // 'approved' as recorded. day: the local yyyy-mm-dd it was given; rating 1..5 or NULL.
    R"sql(
CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    media_item_id INTEGER REFERENCES media_item(id),
    topic         TEXT,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'hotline', 'zalo', 'hop_thu', 'hop_to_dan_pho',
                                                   'ban_thanh_tra')),
    day           TEXT NOT NULL,
    rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment       TEXT,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    recorded_by   TEXT,
    decided_by    TEXT,
    decided_at    TEXT,
    CHECK (media_item_id IS NOT NULL OR topic IS NOT NULL),
    CHECK (rating IS NOT NULL OR comment IS NOT NULL)
);
CREATE INDEX feedback_by_status ON feedback(status, id);
CREATE INDEX feedback_by_day ON feedback(day);
)sql",
    // 19: what an airing's start leaves as proof (journal/Airing.hpp StartEvidence), sealed
    // from seal version 4: whether the system clock was synchronised (NULL: not known), and the
    // archive's day recording it went into with its offset there in milliseconds (NULL: none).
    R"sql(
ALTER TABLE journal ADD COLUMN clock_synced INTEGER;
ALTER TABLE journal ADD COLUMN archive_file TEXT;
ALTER TABLE journal ADD COLUMN archive_offset_ms INTEGER;
)sql",
    // 20: what the operator writes into a period's report as the ward files it (Nghị định
    // 30/2020): its number and the narrative (export/Filing.hpp), one row per period.
    R"sql(
CREATE TABLE report_filing (
    period        TEXT PRIMARY KEY,
    number        TEXT NOT NULL DEFAULT '',
    achieved      TEXT NOT NULL DEFAULT '',
    shortcomings  TEXT NOT NULL DEFAULT '',
    proposals     TEXT NOT NULL DEFAULT '',
    changed_by    TEXT NOT NULL,
    changed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql",
    // 21: the reach of an airing on a streamed output (issue 13): Icecast's listener count
    // sampled while the airing went out, one row per journal row and stream output. Kept
    // beside the sealed row rather than in it: a count read from someone else's server is a
    // measurement, not part of what the box attests it aired.
    R"sql(
CREATE TABLE airing_listeners (
    journal_id    INTEGER NOT NULL REFERENCES journal(id),
    output        TEXT NOT NULL,
    peak          INTEGER NOT NULL CHECK (peak >= 0),
    mean          REAL NOT NULL CHECK (mean >= 0),
    samples       INTEGER NOT NULL CHECK (samples > 0),
    PRIMARY KEY (journal_id, output)
);
)sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations.size()); }

int schema_version(sqlite::Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
}

void migrate(sqlite::Database& db, int target) {
    const int current = schema_version(db);
    if (current > latest_schema_version()) {
        throw sqlite::Error(db.file().string() + ": schema version " + std::to_string(current) +
                                " is newer than this program knows (" + std::to_string(latest_schema_version()) +
                                "); refusing to touch it",
                            0);
    }
    for (int v = current; v < target; ++v) {
        sqlite::Transaction tx(db);
        db.exec(migrations[static_cast<std::size_t>(v)]);
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

}  // namespace lp::db
