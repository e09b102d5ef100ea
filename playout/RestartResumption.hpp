#pragma once
// After a crash or power cut: which programmes left unsettled in the database air again, and
// which are given up. Pure: the shell reads the leftovers and the journal's last activity.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "journal/PendingAirings.hpp"
#include "scheduler/Engine.hpp"

namespace lp::playout {

// One programme that was on air, or about to be, when the daemon went down.
struct Unfinished {
    std::string programme;                // its id before the restart
    std::vector<journal::Leftover> cues;  // in cue order: the cut one (if any) first
    bool emergency = false;
    std::chrono::system_clock::time_point due;  // when it was last known to be airing, or due
};

struct RestartPlan {
    std::vector<Unfinished> resume;      // emergencies first, then by due time
    std::vector<Unfinished> give_up;     // down longer than the grace period
    std::vector<Unfinished> live_ended;  // a live session (an emergency of a live source)
};

// Whether a library item is a live source (a stream URL or a capture device).
using IsLiveItem = std::function<bool(std::int64_t item)>;

// Groups `leftovers` (PendingAirings::all()) by programme. A programme resumes when the time
// it was due — the later of its scheduled start and `last_activity`, the last instant the
// journal saw anything air — is at most `grace` before `now`. An emergency of a live source
// (`loaphuong live start`, or an emergency one-off of a relay) never resumes: the person at
// the microphone may be gone, and after the restart nothing could `live stop` it.
RestartPlan plan_restart(const std::vector<journal::Leftover>& leftovers, std::chrono::system_clock::time_point now,
                         std::chrono::system_clock::time_point last_activity, std::chrono::seconds grace,
                         const IsLiveItem& is_live = {});

// The order that airs `u` again after the restart at `restarted_at`: its own id (the old one
// + "/restart@…", so the engine knows which occurrence it continues), the old slot, instant
// and outputs, from now (or from its start, if that is still to come). A programme that had
// already begun is a resumption: its start is not a scheduled one.
scheduler::Order resumption_order(const Unfinished& u, std::chrono::system_clock::time_point restarted_at);

}  // namespace lp::playout
