#pragma once
#include <string>

#include "db/sqlite/Database.hpp"
#include "scheduler/Engine.hpp"
#include "scheduler/Model.hpp"

namespace lp::scheduler {

// The scheduler's rules and state in the database: slots and their programmes, one-offs, and
// the marks of what is decided. The CLI edits through it; the daemon loads. Items, their
// approval and tags belong to the library (library/ItemStore), airings to the journal.
class RuleStore {
public:
    explicit RuleStore(sqlite::Database& db);

    // Items (with approval), slots with their programmes, one-offs not cancelled.
    Rules load();

    // Creates or replaces (by name) a slot and its programme. Returns its id.
    std::int64_t save_slot(const Slot& slot);
    // False when no slot has that name.
    bool remove_slot(const std::string& name);
    // `created_by` is who ordered it; one_off.approved_by, when set, who approved the order.
    std::int64_t add_one_off(const OneOff& one_off, const std::string& created_by);
    // False when there is no such one-off, or it was cancelled already.
    bool cancel_one_off(std::int64_t id);

    // What is decided; `fallback` for a fresh database (the daemon's first start).
    Marks load_marks(TimePoint fallback);
    void save_marks(const Marks& marks);

private:
    sqlite::Database& db_;
};

}  // namespace lp::scheduler
