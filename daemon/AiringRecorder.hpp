#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "audio/Player.hpp"
#include "journal/JournalStore.hpp"
#include "journal/PendingAirings.hpp"

namespace lp::daemon {

// Turns the player's events into journal rows. Called on the loop thread only.
class AiringRecorder {
public:
    AiringRecorder(journal::JournalStore& journal, journal::PendingAirings& pending);

    // The plans for a programme's cues, in order, before it is handed to the player with its
    // start instant. They stay pending (in the database) until each cue gets its own journal
    // row; the first one's row also gets how late its first sample left against `start`.
    void expect(const std::string& programme, audio::Clock::time_point start,
                std::vector<journal::AiringPlan> plans);
    // An emergency cut `programme` and its cues that had not started were handed on to a
    // resuming programme: they are no longer this one's to journal.
    void handed_on(const std::string& programme, std::size_t from_cue);
    // Journals every cue still pending as missed, with `reason` (at start-up after a crash,
    // and at shutdown). Returns how many.
    int journal_leftovers(audio::Clock::time_point now, const std::string& reason);

    void started(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                 const std::vector<std::string>& outputs);
    // An output dropped out or rejoined mid-cue: the row lists every output that carried part
    // of the airing (the union).
    void outputs_changed(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                         const std::vector<std::string>& outputs);
    void progress(const std::string& programme, std::size_t cue, std::chrono::microseconds position);
    void finished(const std::string& programme, std::size_t cue, audio::Clock::time_point at,
                  std::chrono::microseconds played, audio::CueResult result, const std::string& reason);
    void done(const std::string& programme);
    bool idle() const { return programmes_.empty(); }

private:
    struct Pending {
        audio::Clock::time_point start;
        std::vector<journal::AiringPlan> plans;
        std::map<std::size_t, std::int64_t> open_rows;  // cue -> journal row id
        std::map<std::size_t, std::vector<std::string>> carried;  // cue -> outputs that carried it
    };
    journal::JournalStore& journal_;
    journal::PendingAirings& pending_;
    std::map<std::string, Pending> programmes_;
};

}  // namespace lp::daemon
