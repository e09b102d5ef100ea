#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "audio/Player.hpp"
#include "journal/JournalStore.hpp"

namespace lp::daemon {

// Turns the player's events into journal rows. Called on the loop thread only.
class AiringRecorder {
public:
    explicit AiringRecorder(journal::JournalStore& journal);

    // The plans for a programme's cues, in order, before it is handed to the player.
    void expect(const std::string& programme, std::vector<journal::AiringPlan> plans);

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
        std::vector<journal::AiringPlan> plans;
        std::map<std::size_t, std::int64_t> open_rows;  // cue -> journal row id
        std::map<std::size_t, std::vector<std::string>> carried;  // cue -> outputs that carried it
    };
    journal::JournalStore& journal_;
    std::map<std::string, Pending> programmes_;
};

}  // namespace lp::daemon
