#include "journal/JournalWriter.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <utility>

#include "db/sqlite/Error.hpp"
#include "journal/OpCodec.hpp"
#include "journal/SpillBacklog.hpp"

namespace lp::journal {
namespace {

std::shared_ptr<spdlog::logger> journal_logger() {
    if (auto registered = spdlog::get("journal")) return registered;
    // Not registered: the daemon registers its own "journal" logger when it first logs.
    const auto base = spdlog::default_logger();
    auto created = std::make_shared<spdlog::logger>("journal", base->sinks().begin(), base->sinks().end());
    created->set_level(base->level());
    return created;
}

std::filesystem::path spill_path(const JournalWriter::Options& o, const sqlite::Database& db) {
    return o.spill_file.empty() ? std::filesystem::path(db.file().string() + ".spill") : o.spill_file;
}

// The database or its disk refuses for now (locked, full, gone, read-only): worth retrying.
// Anything else (a constraint, a misuse) would refuse forever.
bool refusal(int code) {
    switch (code & 0xff) {
        case 5 /* SQLITE_BUSY */:
        case 6 /* SQLITE_LOCKED */:
        case 7 /* SQLITE_NOMEM */:
        case 8 /* SQLITE_READONLY */:
        case 9 /* SQLITE_INTERRUPT */:
        case 10 /* SQLITE_IOERR */:
        case 11 /* SQLITE_CORRUPT */:
        case 13 /* SQLITE_FULL */:
        case 14 /* SQLITE_CANTOPEN */:
        case 15 /* SQLITE_PROTOCOL */:
        case 17 /* SQLITE_SCHEMA */:
        case 22 /* SQLITE_NOLFS */:
        case 26 /* SQLITE_NOTADB */: return true;
        default: return false;
    }
}
// Only a lock refuses before anything is written; a full or failing disk can fail the commit
// itself, after which the write may or may not be in the database.
bool before_any_write(int code) { return (code & 0xff) == 5 || (code & 0xff) == 6; }

double seconds(JournalWriter::Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

// Runs flush() when a retry is due, on the owner's loop.
class JournalWriter::Timer {
public:
    Timer(boost::asio::io_context& loop, JournalWriter& writer) : timer_(loop), writer_(writer) {}
    void arm(Clock::duration in) {
        timer_.expires_after(in);
        // A handler already due when the writer goes is still run by a later poll(): it finds
        // `alive_` gone and touches nothing.
        timer_.async_wait([this, alive = std::weak_ptr<int>(alive_)](const boost::system::error_code& ec) {
            if (!ec && !alive.expired()) writer_.flush();
        });
    }

private:
    boost::asio::steady_timer timer_;
    JournalWriter& writer_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

JournalWriter::JournalWriter(sqlite::Database& db, Options options)
    : db_(db),
      options_(std::move(options)),
      log_(options_.log ? options_.log : journal_logger()),
      applier_(db, std::move(options_.latest)),
      spill_(spill_path(options_, db)),
      backoff_(options_.first_retry, options_.longest_retry) {
    if (options_.loop) timer_ = std::make_unique<Timer>(*options_.loop, *this);
    load();
    if (!queue_.empty()) return;
    // A write that fails late may have landed: it is looked for above the newest row before it.
    try {
        auto st = db_.prepare("SELECT max(id) FROM journal");
        if (st.step()) last_row_ = st.optional_integer(0).value_or(0);
    } catch (const sqlite::Error& e) {
        log_->warn("cannot read the journal's newest row: {}", e.what());
    }
}

JournalWriter::~JournalWriter() = default;

void JournalWriter::load() {
    const auto contents = spill_.read();
    if (contents.torn_bytes > 0)
        log_->warn("{}: dropped an incomplete last line ({} bytes): the process stopped while writing it",
                   spill_.path().string(), contents.torn_bytes);
    std::vector<SpillRecord> records;
    for (std::size_t i = 0; i < contents.lines.size(); ++i) {
        try {
            records.push_back(decode(contents.lines[i]));
        } catch (const std::invalid_argument& e) {
            log_->error("{}:{}: unreadable line skipped: {}", spill_.path().string(), i + 1, e.what());
        }
    }
    auto backlog = backlog_of(records);
    for (const auto& [ticket, row] : backlog.rows) applier_.resolve(ticket, row);
    next_ticket_ = backlog.next_ticket;
    next_seq_ = backlog.next_seq;
    last_row_ = backlog.last_row;
    for (auto& o : backlog.waiting) queue_.push_back({o.seq, std::move(o.op), true});
    head_written_ = !contents.lines.empty();
    if (queue_.empty()) {
        // Everything in it had landed (the process stopped before removing it), or it was empty.
        if (spill_.exists()) remove_spill();
        return;
    }
    // The previous process may have stopped between the first waiting write's commit and the
    // line recording it: that write is looked for before it is applied again.
    maybe_landed_ = queue_.front().seq;
    const auto now = options_.now();
    refused_since_ = last_warning_ = now;
    log_->warn("{} journal write(s) left waiting by an earlier run in {}: replaying them first", queue_.size(),
               spill_.path().string());
    retry_at_ = now;
    if (timer_) timer_->arm(Clock::duration::zero());
}

Ticket JournalWriter::begin(const AiringPlan& plan, TimePoint started_at, const std::vector<std::string>& outputs,
                            std::optional<std::chrono::microseconds> start_lateness,
                            const std::optional<PendingKey>& pending, const StartEvidence& evidence) {
    const auto ticket = next_ticket_;
    next_ticket_ = Ticket{static_cast<std::uint64_t>(ticket) + 1};
    submit(op::Begin{ticket, plan, started_at, outputs, start_lateness, pending, evidence});
    return ticket;
}

void JournalWriter::set_outputs(Ticket ticket, const std::vector<std::string>& outputs) {
    submit(op::SetOutputs{ticket, outputs});
}

void JournalWriter::progress(Ticket ticket, Millis played) { submit(op::Progress{ticket, played}); }

void JournalWriter::live(Ticket ticket, const LiveRecord& record) { submit(op::Live{ticket, record}); }

void JournalWriter::listeners(std::int64_t row, const std::vector<ListenerFigure>& figures) {
    submit(op::Listeners{row, figures});
}

void JournalWriter::finish(Ticket ticket, TimePoint ended_at, Millis played, Status status, const std::string& reason,
                           const std::string& detail) {
    submit(op::Finish{ticket, ended_at, played, status, reason, detail});
}

void JournalWriter::record_not_aired(const AiringPlan& plan, Status status, TimePoint at, const std::string& reason,
                                     const std::string& detail, const std::optional<PendingKey>& pending) {
    submit(op::NotAired{plan, status, at, reason, detail, pending});
}

void JournalWriter::pending_add(const std::string& programme, const std::vector<AiringPlan>& plans,
                                const std::vector<std::string>& outputs) {
    submit(op::PendingAdd{programme, plans, outputs});
}

void JournalWriter::pending_hand_on(const std::string& from, std::size_t from_cue, const std::string& to) {
    submit(op::PendingHandOn{from, from_cue, to});
}

void JournalWriter::pending_remove(const std::string& programme, std::size_t cue) {
    submit(op::PendingRemove{programme, cue});
}

std::optional<int> JournalWriter::miss_pending(const std::optional<std::string>& programme, TimePoint at,
                                               const std::string& reason) {
    const auto result = submit(op::MissPending{programme, at, reason});
    return result ? std::optional<int>(result->missed) : std::nullopt;
}

void JournalWriter::keep_latest(const std::string& key, const std::string& value) {
    submit(op::KeepLatest{key, value});
}

std::size_t JournalWriter::unsaved() const {
    return static_cast<std::size_t>(
        std::count_if(queue_.begin(), queue_.end(), [](const Entry& e) { return !e.saved; }));
}

std::optional<OpApplier::Result> JournalWriter::submit(WriteOp write) {
    Entry entry{next_seq_++, std::move(write)};
    // Behind a write that waits, a write waits too: order is kept, and the loop does not wait
    // out a busy timeout at every call while the database refuses.
    if (!queue_.empty()) {
        enqueue(std::move(entry));
        return std::nullopt;
    }
    OpApplier::Result result;
    auto outcome = Outcome::refused;
    {
        sqlite::BusyTimeoutScope wait(db_, options_.busy_timeout);
        outcome = attempt(entry, result);
    }
    if (outcome != Outcome::refused) {
        settle(entry, result.row);
        return outcome == Outcome::landed ? std::optional(result) : std::nullopt;
    }
    refused(true);
    enqueue(std::move(entry));
    return std::nullopt;
}

JournalWriter::Outcome JournalWriter::attempt(const Entry& entry, OpApplier::Result& result) {
    const bool maybe_landed = maybe_landed_ == entry.seq;
    try {
        if (maybe_landed && last_row_) {
            if (const auto row = applier_.landed_row(entry.op, *last_row_)) {
                log_->info("journal write {} had landed as row {} before its landing was recorded; not applied twice",
                           entry.seq, *row);
                result.row = row;
            }
        }
        if (!result.row) result = applier_.apply(entry.op);
        if (result.row) last_row_ = std::max(last_row_.value_or(0), *result.row);
        maybe_landed_.reset();
        return Outcome::landed;
    } catch (const sqlite::Error& e) {
        if (refusal(e.code())) {
            ++failures_;
            last_error_ = e.what();
            if (!before_any_write(e.code())) maybe_landed_ = entry.seq;
            return Outcome::refused;
        }
        log_->error("journal write {} given up, the database will never take it: {}", entry.seq, e.what());
    } catch (const std::exception& e) {
        // Applied a second time, a write that had landed refuses (its row is closed already).
        if (maybe_landed) {
            log_->info("journal write {} had landed before its landing was recorded ({})", entry.seq, e.what());
            maybe_landed_.reset();
            return Outcome::landed;
        }
        log_->error("journal write {} given up: {}", entry.seq, e.what());
    }
    ++given_up_;
    return Outcome::given_up;
}

void JournalWriter::settle(const Entry& entry, std::optional<std::int64_t> row) {
    if (const auto* f = std::get_if<op::Finish>(&entry.op)) applier_.forget(f->ticket);
    if (!entry.saved) return;
    try {
        spill_.append(encode(SpillDone{entry.seq, row}));
    } catch (const std::exception& e) {
        abandon_spill(e.what());
    }
}

void JournalWriter::enqueue(Entry entry) {
    // Only the newest value of a key matters: an older one still waiting need not land.
    if (const auto* latest = std::get_if<op::KeepLatest>(&entry.op))
        std::erase_if(queue_, [&](const Entry& e) {
            const auto* older = std::get_if<op::KeepLatest>(&e.op);
            return older && older->key == latest->key;
        });
    queue_.push_back(std::move(entry));
    save();
}

void JournalWriter::save() {
    for (auto& e : queue_) {
        if (e.saved) continue;
        try {
            // A new file starts with the rows of the tickets its writes may refer to.
            if (!head_written_) spill_.append(encode(SpillHead{applier_.rows(), last_row_}));
            head_written_ = true;
            spill_.append(encode(SpillOp{e.seq, e.op}));
            e.saved = true;
        } catch (const std::exception& error) {
            const auto now = options_.now();
            if (last_unsaved_error_ == Clock::time_point{} || now - last_unsaved_error_ >= options_.warn_every) {
                log_->error("{} journal write(s) wait in memory only (lost if loaphuongd stops): {}", unsaved(),
                            error.what());
                last_unsaved_error_ = now;
            }
            return;
        }
    }
}

bool JournalWriter::flush() {
    retry_at_.reset();
    if (queue_.empty()) return true;
    save();  // what could not be saved before goes first, keeping the file in order
    sqlite::BusyTimeoutScope wait(db_, options_.retry_busy_timeout);
    while (!queue_.empty()) {
        OpApplier::Result result;
        const auto outcome = attempt(queue_.front(), result);
        if (outcome == Outcome::refused) {
            refused(false);
            return false;
        }
        if (outcome == Outcome::landed) ++landed_since_refusal_;
        const auto entry = std::move(queue_.front());
        queue_.pop_front();
        settle(entry, result.row);
    }
    drained();
    return true;
}

void JournalWriter::refused(bool first) {
    const auto now = options_.now();
    if (first) {
        backoff_.reset();
        refused_since_ = last_warning_ = now;
        landed_since_refusal_ = 0;
        log_->warn("the database refuses journal writes ({}); they wait in {} and are retried", last_error_,
                   spill_.path().string());
    } else if (now - last_warning_ >= options_.warn_every) {
        last_warning_ = now;
        log_->warn("{} journal write(s) waiting for {:.0f} s ({} refusals so far): {}", queue_.size(),
                   seconds(now - refused_since_.value_or(now)), failures_, last_error_);
    }
    const auto delay = backoff_.next();
    retry_at_ = now + delay;
    if (timer_) timer_->arm(delay);
}

void JournalWriter::drained() {
    const auto now = options_.now();
    log_->info("{} journal write(s) landed after {:.1f} s", landed_since_refusal_,
               seconds(now - refused_since_.value_or(now)));
    refused_since_.reset();
    landed_since_refusal_ = 0;
    backoff_.reset();
    // Also an empty file left by an append that failed (a full disk).
    if (head_written_ || spill_.exists()) remove_spill();
}

void JournalWriter::remove_spill() {
    try {
        spill_.remove();
        head_written_ = false;
    } catch (const std::exception& e) {
        // Harmless: its every write is marked done, so a replay applies none of them.
        log_->warn("{}", e.what());
    }
}

void JournalWriter::abandon_spill(const std::string& why) {
    // Writes after this one would land with the file saying they wait: a later process would
    // apply them twice. Keep them in memory only, and start a new file at the next save().
    log_->error("cannot record a landed journal write in {} ({}); starting the spill file again",
                spill_.path().string(), why);
    for (auto& e : queue_) e.saved = false;
    remove_spill();
}

}  // namespace lp::journal
