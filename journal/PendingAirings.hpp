#pragma once
// Items handed to the player whose airing is not settled yet, kept in the database so that a
// stop, a crash or a power cut cannot make a planned airing vanish. A cue stays here until its
// row is closed completed or failed (JournalStore removes it in that same transaction); a cue
// cut by a crash stays, linked to its interrupted row, and is aired again after a restart
// within the grace period. Called on the loop thread only.

#include <optional>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace lp::journal {

// A pending cue as stored.
struct Leftover {
    PendingKey key;
    AiringPlan plan;
    std::vector<std::string> outputs;        // the programme's outputs (empty: all)
    std::optional<std::int64_t> journal_id;  // the row of an attempt that was cut
};

class PendingAirings {
public:
    explicit PendingAirings(sqlite::Database& db);
    void add(const std::string& programme, const std::vector<AiringPlan>& plans,
             const std::vector<std::string>& outputs = {});
    // Forgets one cue.
    void remove(const std::string& programme, std::size_t cue);
    // An emergency cut `from_programme`: its cues from `from_cue` on now belong to
    // `to_programme` (renumbered from 0, no longer linked to a cut attempt); its other cues
    // are settled. One transaction.
    void hand_on(const std::string& from_programme, std::size_t from_cue, const std::string& to_programme);
    // Every unsettled cue of `from_programme` becomes `to_programme`'s, numbered from 0 in cue
    // order and no longer linked to a cut attempt (a restart resumes them). One transaction.
    void move_all(const std::string& from_programme, const std::string& to_programme);
    // Removes and returns the programme's unsettled cues, in cue order.
    std::vector<Leftover> take(const std::string& programme);
    // Removes and returns every unsettled cue (start-up after a crash, shutdown), emergencies
    // first, then by scheduled time, programme and cue.
    std::vector<Leftover> take_all();
    // Every unsettled cue, in take_all()'s order, left in place.
    std::vector<Leftover> all();

private:
    std::vector<Leftover> select(const std::string& where, const std::string& programme);
    std::vector<Leftover> take_where(const std::string& where, const std::string& programme);
    sqlite::Database& db_;
};

}  // namespace lp::journal
