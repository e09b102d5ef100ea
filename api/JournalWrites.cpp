#include "api/JournalWrites.hpp"

#include <sqlite3.h>

#include <chrono>

#include "api/Params.hpp"
#include "db/sqlite/Error.hpp"
#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "journal/EntryInput.hpp"
#include "journal/JournalStore.hpp"

namespace lp::api {
namespace {

// How long a write waits for another process's lock (the CLI, a backup) before the request is
// answered 503: the loop must not stall for the connection's usual busy timeout.
constexpr std::chrono::milliseconds lock_wait{200};

ApiError unavailable(const std::string& message) { return {503, "", message}; }

// Runs a write of an operator's row on the journal. The handlers run on the loop
// (on_worker = false) and write through the loop's connection, the one the daemon's
// JournalWriter writes every airing through: the two never run at the same time, nothing of the
// daemon competes with them for SQLite's write lock, and no airing write can come between the
// reading of the chain head and the sealing of the new row. JournalStore seals the row in the
// same BEGIN IMMEDIATE transaction that inserts it, as for the CLI's `journal add-manual`
// (which runs in another process: SQLite's write lock orders it against the daemon). A write
// refused (the database refuses the daemon's own writes, or another process holds the lock
// longer than `lock_wait`) is answered 503 with nothing written, for the operator to retry.
// The new row reaches the page as a `journal` event through the daemon's JournalFeed, like
// every row.
template <class Write>
auto journal_write(Services& s, Write&& write) {
    if (s.journal_waiting() > 0)
        throw unavailable(
            "Cơ sở dữ liệu đang tạm thời không nhận ghi (nhật ký phát thanh đang chờ ghi); chưa ghi gì. "
            "Hãy thử lại sau ít phút.");
    journal::JournalStore journal(s.database());
    sqlite::BusyTimeoutScope wait(s.database(), lock_wait);
    try {
        return write(journal);
    } catch (const sqlite::Error& e) {
        const int code = e.code() & 0xff;
        if (code != SQLITE_BUSY && code != SQLITE_LOCKED) throw;
        throw unavailable("Cơ sở dữ liệu đang bận (một chương trình khác đang ghi); chưa ghi gì. Hãy thử lại.");
    }
}

ApiError refused(const journal::EntryError& e) {
    using K = journal::EntryError::Kind;
    switch (e.kind()) {
        case K::no_row: return not_found(e.field(), e.what());
        case K::still_open: return conflict(e.field(), e.what());
        case K::invalid:
        case K::unchanged: break;
    }
    return invalid(e.field(), e.what());
}

}  // namespace

Reply add_manual_entry(Services& s, Call& call) {
    journal::ManualInput in;
    in.date = need_string(call, "date");
    in.start = need_string(call, "start");
    in.duration = need_string(call, "duration");
    in.title = need_string(call, "title");
    in.topic = opt_string(call, "topic").value_or(in.topic);
    in.form = opt_string(call, "form").value_or(in.form);
    in.kind = opt_string(call, "kind").value_or(in.kind);
    in.slot = opt_string(call, "slot").value_or("");
    in.note = opt_string(call, "note").value_or("");
    in.by = call.caller.account;
    journal::ManualEntry entry;
    try {
        entry = journal::manual_entry(in, domain::zone(s.config()->time_zone), domain::wall_now(), {});
    } catch (const journal::EntryError& e) {
        throw refused(e);
    }
    const auto id = journal_write(s, [&](journal::JournalStore& j) { return j.add_manual(entry); });
    return json_reply({{"id", id}}, 201);
}

Reply correct_journal_row(Services& s, Call& call) {
    const auto id = id_param(call);
    journal::CorrectionInput in{opt_string(call, "title"), opt_strings(call, "topics"), opt_string(call, "form"),
                                call.caller.account, need_string(call, "reason")};
    try {
        journal::checked_correction(in, {});  // bad fields are named before the database is asked
    } catch (const journal::EntryError& e) {
        throw refused(e);
    }
    const auto made = journal_write(s, [&](journal::JournalStore& j) {
        try {
            const auto new_id = journal::correct_row(j, id, in, {});
            return j.row(new_id);
        } catch (const journal::EntryError& e) {
            throw refused(e);
        }
    });
    return json_reply({{"id", made.id}, {"corrects", made.corrects.value_or(id)}}, 201);
}

}  // namespace lp::api
