#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace date {
class time_zone;
}

namespace lp::journal {

// An airing that did not go through the player, entered by the operator: a live reading by an
// announcer, a relay of the city's programme.
struct ManualEntry {
    TimePoint started_at;
    Millis duration{0};
    std::string title;
    std::string topic = "other";
    std::string form = "other";
    std::string slot;        // how it aired, e.g. "Đọc trực tiếp", "Tiếp sóng Đài Phát thanh thành phố"
    std::string entered_by;  // required
    std::string note;
};

// A correction of a closed row: the fields that change, who and why. The original stays.
struct Correction {
    std::optional<std::string> title;
    std::optional<std::vector<std::string>> topics;  // replaces the whole list
    std::optional<std::string> form;
    std::string by;
    std::string reason;
};

// Why JournalStore::correct refused a correction (what() is English, for logs).
class CorrectionRefused : public std::invalid_argument {
public:
    enum class Why { no_row, still_open, unchanged };
    CorrectionRefused(Why why, const std::string& what) : std::invalid_argument(what), why_(why) {}
    Why why() const { return why_; }

private:
    Why why_;
};

// The chain's last link.
struct ChainHead {
    std::int64_t chain_seq = 0;
    std::string seal;
};

// The journal table: append-only. Every write is its own transaction, committed with
// synchronous=FULL before it returns, so a power cut loses at most the progress since the last
// call. Every row is sealed into the hash chain (journal/Seal.hpp) in the transaction that
// closes it. Called on the loop thread (or by the CLI) only.
class JournalStore {
public:
    explicit JournalStore(sqlite::Database& db);

    // The first sample left at `started_at`: commits an open (playing) row with its ordinal.
    // `start_lateness`: the player's measure, for the item that opens a programme.
    // `pending`: the cue it airs, whose pending entry is linked to the row in the same
    // transaction (so a crash cannot separate them). `evidence`: the clock's state and the
    // archive position at the start.
    std::int64_t begin(const AiringPlan& plan, TimePoint started_at, const std::vector<std::string>& outputs,
                       std::optional<std::chrono::microseconds> start_lateness = std::nullopt,
                       const std::optional<PendingKey>& pending = std::nullopt, const StartEvidence& evidence = {});
    // Replaces the outputs of an open row (one rejoined mid-airing). Throws std::logic_error
    // if it is not open.
    void set_outputs(std::int64_t id, const std::vector<std::string>& outputs);
    // Commits the position reached so far; after a crash the row is closed with it.
    void progress(std::int64_t id, Millis played);
    // Closes an open row. `reason`: Vietnamese, for the reviewer (domain/Texts.hpp);
    // `detail`: the technical text (FFmpeg's message, a file path), kept out of the official
    // table. Throws std::logic_error if it is not open. Unless `status` is interrupted, the
    // pending cue linked to the row is settled in the same transaction (an interrupted one is
    // aired again: journal/PendingAirings.hpp).
    void finish(std::int64_t id, TimePoint ended_at, Millis played, Status status, const std::string& reason,
                const std::string& detail = {});
    // An item that never reached the outputs: a closed row with no ordinal. `status` is failed
    // (missing file, no output), skipped or missed. Throws std::logic_error for other statuses.
    // `pending`: the cue this settles, removed in the same transaction.
    std::int64_t record_not_aired(const AiringPlan& plan, Status status, TimePoint at, const std::string& reason,
                                  const std::string& detail = {},
                                  const std::optional<PendingKey>& pending = std::nullopt);
    std::int64_t record_failure(const AiringPlan& plan, TimePoint at, const std::string& reason,
                                const std::string& detail = {},
                                const std::optional<PendingKey>& pending = std::nullopt) {
        return record_not_aired(plan, Status::failed, at, reason, detail, pending);
    }
    // At start-up: rows left open by a crash or power cut become interrupted at their last
    // committed position, with the reason in Vietnamese naming `now` in `tz`, and are sealed.
    // Rows closed before the chain existed (a database from before schema 3) are sealed first,
    // in id order. Returns how many were recovered.
    int recover_open_rows(TimePoint now, const date::time_zone* tz);

    // A manual entry: a closed, sealed row marked with who entered it. Returns its id.
    std::int64_t add_manual(const ManualEntry& entry);
    // A new row that corrects `id` (which must be closed): a copy with the changed fields, the
    // original's id in `corrects`, who and why. Throws CorrectionRefused (no such row, still
    // open, nothing to change), std::invalid_argument without `by` or `reason`. Returns the new
    // row's id.
    std::int64_t correct(std::int64_t id, const Correction& correction);

    ChainHead head();
    // The last instant the journal saw anything air (a start, a recorded position, an end);
    // none for an empty journal. After a crash: about when the daemon went down.
    std::optional<TimePoint> last_activity();

    // Rows scheduled in [from, to), in order.
    std::vector<JournalRow> between(TimePoint from, TimePoint to);
    JournalRow row(std::int64_t id);

private:
    // Seals the closed row `id` as the chain's next link. Inside the caller's transaction.
    void seal(std::int64_t id);
    sqlite::Database& db_;
};

}  // namespace lp::journal
