#pragma once
// Every journal write of the daemon (airings and the pending cues) goes through here, so that
// nothing in the database path can stop the sound: a write the database refuses (locked by
// another process beyond the busy timeout, disk full, I/O error, read-only) is kept, in order
// with every later one, in an append-only fsync'd spill file beside the database and retried
// with backoff; when the database accepts writes again they land in order and are sealed as
// usual. While it refuses, later writes are not tried (the loop does not wait out a busy
// timeout at every call); they go to the spill straight away. Called on the loop thread only;
// no method throws once constructed.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Backoff.hpp"
#include "journal/OpApplier.hpp"
#include "journal/SpillFile.hpp"
#include "journal/WriteOp.hpp"

namespace boost::asio {
class io_context;
}
namespace spdlog {
class logger;
}

namespace lp::journal {

// How JournalWriter writes; the defaults suit the daemon.
struct WriterOptions {
    // Where writes wait while the database refuses them; empty: "<database>.spill". On the
    // database's own disk, a full disk fills both: give a folder on another disk to keep
    // them durable then (otherwise they wait in memory only, logged and counted: unsaved()).
    std::filesystem::path spill_file;
    // How long a first try waits for another connection's lock, and how long a retry does.
    std::chrono::milliseconds busy_timeout{1000};
    std::chrono::milliseconds retry_busy_timeout{50};
    // Retries: `first_retry` after a refusal, doubling up to `longest_retry`.
    std::chrono::milliseconds first_retry{500};
    std::chrono::milliseconds longest_retry{30000};
    // While the database refuses, a warning at most this often.
    std::chrono::seconds warn_every{60};
    // When set, retries run by themselves on a timer of this loop; otherwise the owner calls
    // flush() at next_retry() (tests, with a virtual `now`).
    boost::asio::io_context* loop = nullptr;
    std::function<std::chrono::steady_clock::time_point()> now = std::chrono::steady_clock::now;
    // Who applies keep_latest() values, by key; needed before a spill is replayed.
    LatestAppliers latest;
    // Default: the logger registered as "journal", else one on the default logger's sinks.
    std::shared_ptr<spdlog::logger> log;
};

class JournalWriter {
public:
    using Clock = std::chrono::steady_clock;

    using Options = WriterOptions;

    // Loads the spill file an earlier process left, if any: its writes wait first, in order,
    // ahead of any new one, and are due at once. The database is only read here: call flush()
    // next, and run JournalStore::recover_open_rows() only once it returned true (a row the
    // spill finishes must not be closed as interrupted first). A torn last line (a power cut
    // mid-append) is dropped with a warning. Throws std::system_error if the file exists but
    // cannot be read.
    explicit JournalWriter(sqlite::Database& db, Options options = {});
    ~JournalWriter();
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;

    // The writes of journal/JournalStore.hpp and journal/PendingAirings.hpp, with a ticket
    // standing for the row begin() opens.
    Ticket begin(const AiringPlan& plan, TimePoint started_at, const std::vector<std::string>& outputs,
                 std::optional<std::chrono::microseconds> start_lateness = std::nullopt,
                 const std::optional<PendingKey>& pending = std::nullopt, const StartEvidence& evidence = {});
    void set_outputs(Ticket ticket, const std::vector<std::string>& outputs);
    void progress(Ticket ticket, Millis played);
    // How the live source of the row went; before its finish().
    void live(Ticket ticket, const LiveRecord& record);
    // The listener figures of journal row `row` (after its finish; see row_of()).
    void listeners(std::int64_t row, const std::vector<ListenerFigure>& figures);
    void finish(Ticket ticket, TimePoint ended_at, Millis played, Status status, const std::string& reason,
                const std::string& detail = {});
    void record_not_aired(const AiringPlan& plan, Status status, TimePoint at, const std::string& reason,
                          const std::string& detail = {}, const std::optional<PendingKey>& pending = std::nullopt);
    void pending_add(const std::string& programme, const std::vector<AiringPlan>& plans,
                     const std::vector<std::string>& outputs = {});
    void pending_hand_on(const std::string& from, std::size_t from_cue, const std::string& to);
    void pending_remove(const std::string& programme, std::size_t cue);
    // Journals every cue still pending, of `programme` or of all when none, as missed at `at`
    // (replaces PendingAirings::take() + record_not_aired(): one write, so it waits in order
    // too). Returns how many when it landed at once.
    std::optional<int> miss_pending(const std::optional<std::string>& programme, TimePoint at,
                                    const std::string& reason);
    // A value of which only the latest matters (the scheduler's marks): waits in order like the
    // rest, a newer value replacing one still waiting. Applied by Options::latest[key].
    void keep_latest(const std::string& key, const std::string& value);

    // Replays what waits, in order, waiting at most retry_busy_timeout for a lock. True when
    // nothing waits any more (the spill file is then removed); otherwise the next retry is due
    // at next_retry().
    bool flush();
    std::optional<Clock::time_point> next_retry() const { return retry_at_; }

    // Writes waiting for the database (status, logs).
    std::size_t waiting() const { return queue_.size(); }
    // Of those, the ones not in the spill file (it could not be written): lost if the process dies.
    std::size_t unsaved() const;
    // Attempts the database refused, in total.
    std::uint64_t failures() const { return failures_; }
    // Writes given up because they can never apply (a row no longer open, a ticket whose begin
    // was given up): logged at error level, not retried.
    std::uint64_t given_up() const { return given_up_; }
    // The row a ticket stands for, once its begin landed (until its finish did).
    std::optional<std::int64_t> row_of(Ticket ticket) const { return applier_.row_of(ticket); }
    const std::filesystem::path& spill_file() const { return spill_.path(); }

private:
    struct Entry {
        std::uint64_t seq = 0;
        WriteOp op;
        bool saved = false;  // in the spill file
    };
    enum class Outcome { landed, refused, given_up };
    class Timer;

    std::optional<OpApplier::Result> submit(WriteOp write);
    Outcome attempt(const Entry& entry, OpApplier::Result& result);
    void settle(const Entry& entry, std::optional<std::int64_t> row);
    void enqueue(Entry entry);
    void save();
    void load();
    void refused(bool first);
    void drained();
    void remove_spill();
    void abandon_spill(const std::string& why);

    sqlite::Database& db_;
    Options options_;
    std::shared_ptr<spdlog::logger> log_;
    OpApplier applier_;
    SpillFile spill_;
    Backoff backoff_;
    std::deque<Entry> queue_;
    Ticket next_ticket_{1};
    std::uint64_t next_seq_ = 1;
    bool head_written_ = false;
    std::optional<std::int64_t> last_row_;       // the newest row known to predate what waits
    std::optional<std::uint64_t> maybe_landed_;  // a write that may have landed unrecorded
    std::optional<Clock::time_point> retry_at_;
    std::optional<Clock::time_point> refused_since_;
    Clock::time_point last_warning_{};
    Clock::time_point last_unsaved_error_{};
    std::string last_error_;
    std::size_t landed_since_refusal_ = 0;
    std::uint64_t failures_ = 0;
    std::uint64_t given_up_ = 0;
    std::unique_ptr<Timer> timer_;
};

}  // namespace lp::journal
