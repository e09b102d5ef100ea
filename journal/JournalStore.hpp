#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace lp::journal {

// The journal table. Every write is its own transaction, committed with synchronous=FULL
// before it returns, so a power cut loses at most the progress since the last call.
// Called on the loop thread only.
class JournalStore {
public:
    explicit JournalStore(sqlite::Database& db);

    // The first sample left at `started_at`: commits an open (playing) row with its ordinal.
    std::int64_t begin(const AiringPlan& plan, TimePoint started_at, const std::vector<std::string>& outputs);
    // Replaces the outputs of an open row (one rejoined mid-airing). Throws std::logic_error
    // if it is not open.
    void set_outputs(std::int64_t id, const std::vector<std::string>& outputs);
    // Commits the position reached so far; after a crash the row is closed with it.
    void progress(std::int64_t id, Millis played);
    // Closes an open row. Throws std::logic_error if it is not open.
    void finish(std::int64_t id, TimePoint ended_at, Millis played, Status status, const std::string& reason);
    // An item that never reached the outputs: a closed row with no ordinal. `status` is failed
    // (missing file, no output), skipped or missed. Throws std::logic_error for other statuses.
    std::int64_t record_not_aired(const AiringPlan& plan, Status status, TimePoint at, const std::string& reason);
    std::int64_t record_failure(const AiringPlan& plan, TimePoint at, const std::string& reason) {
        return record_not_aired(plan, Status::failed, at, reason);
    }
    // At start-up: rows left open by a crash or power cut become interrupted at their last
    // committed position. Returns how many.
    int recover_open_rows(TimePoint now);

    // Rows scheduled in [from, to), in order.
    std::vector<JournalRow> between(TimePoint from, TimePoint to);
    JournalRow row(std::int64_t id);

private:
    sqlite::Database& db_;
};

}  // namespace lp::journal
