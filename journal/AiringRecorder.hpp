#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audio/Player.hpp"
#include "journal/ClockSync.hpp"
#include "journal/JournalWriter.hpp"

namespace lp::journal {

// Turns the player's events into journal rows, written through the JournalWriter (so a
// database that refuses writes never stops it). Called on the loop thread only.
class AiringRecorder {
public:
    // `clock_synced`: asked at each airing's start (journal/ClockSync.hpp).
    explicit AiringRecorder(JournalWriter& writer, ClockSyncFn clock_synced = system_clock_synced);

    // Whether the first item's start counts for punctuality: a scheduled start does; a
    // resumption (after an emergency or a restart) starts when what cut it ends, not at an
    // instant of the schedule.
    enum class Start { scheduled, resumption };

    // The plans for a programme's cues, in order, before it is handed to the player with its
    // start instant and outputs. They stay pending (in the database) until each cue's airing
    // is settled; the first one's row also gets how late its first sample left against
    // `start`, for a scheduled start.
    void expect(const std::string& programme, TimePoint start, std::vector<AiringPlan> plans,
                const std::vector<std::string>& outputs = {}, Start kind = Start::scheduled);
    // An emergency cuts what plays: the row of the cue it cuts says `reason`.
    void cut_all(const std::string& reason);
    // ... and its cues from `from_cue` on were handed on to the resuming programme `to`.
    void handed_on(const std::string& programme, std::size_t from_cue, const std::string& to);
    // Journals every cue never started as missed, with `reason` (at shutdown, or at start-up
    // when a crash was too long ago to resume); cues cut mid-air already have their
    // interrupted row and are only dropped. Returns how many were journaled missed (none when
    // the write waits for the database).
    std::optional<int> journal_leftovers(TimePoint now, const std::string& reason);

    void record(const audio::PlayerEvent& event);
    // The journal row of a cue on the air, once its begin landed (none before, or after it ended).
    std::optional<std::int64_t> row_of(const std::string& programme, std::size_t cue) const;
    bool idle() const { return programmes_.empty(); }

private:
    struct Pending {
        TimePoint start;
        Start kind = Start::scheduled;
        std::vector<AiringPlan> plans;
        std::map<std::size_t, Ticket> open_rows;                  // cue -> its journal row
        std::map<std::size_t, std::vector<std::string>> carried;  // cue -> outputs that carried it
        std::string cut_reason;
    };
    void started(const std::string& programme, std::size_t cue, const audio::event::Started& e);
    void outputs_changed(const std::string& programme, std::size_t cue, const audio::event::OutputsChanged& e);
    void progress(const std::string& programme, std::size_t cue, const audio::event::Progress& e);
    void finished(const std::string& programme, std::size_t cue, const audio::event::Finished& e);
    void done(const std::string& programme);

    JournalWriter& writer_;
    ClockSyncFn clock_synced_;
    std::map<std::string, Pending> programmes_;
    std::optional<TimePoint> last_finished_;  // when the last cue ended, for a resumption's lateness
};

}  // namespace lp::journal
