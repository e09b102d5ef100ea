#pragma once
// Items handed to the player that have not started yet, kept in the database so that a stop,
// a crash or a power cut cannot make a planned airing vanish: whatever is left here when the
// daemon stops or starts is journaled `missed`. Called on the loop thread only.

#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace lp::journal {

class PendingAirings {
public:
    explicit PendingAirings(sqlite::Database& db);
    void add(const std::string& programme, const std::vector<AiringPlan>& plans);
    // The cue got its own journal row (or never will: it was handed on to another programme).
    void remove(const std::string& programme, std::size_t cue);
    // Removes and returns the programme's cues that never started.
    std::vector<AiringPlan> take(const std::string& programme);
    // Removes and returns every cue that never started (start-up after a crash, shutdown).
    std::vector<AiringPlan> take_all();

private:
    std::vector<AiringPlan> take_where(const std::string& where, const std::string& programme);
    sqlite::Database& db_;
};

}  // namespace lp::journal
