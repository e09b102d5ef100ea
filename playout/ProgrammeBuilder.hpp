#pragma once
// From a scheduler order to what the player airs and what the journal records. Pure.

#include <vector>

#include "audio/Player.hpp"
#include "journal/Airing.hpp"
#include "scheduler/Engine.hpp"
#include "scheduler/Model.hpp"

namespace lp::playout {

struct Built {
    audio::Programme programme;              // cues without checks (FileVerifier adds them)
    std::vector<journal::AiringPlan> plans;  // one per cue, same order
    std::vector<std::string> sha256;         // the library's SHA-256 of each cue's file ("" unknown)
};

// The plan of one item of an order; an item gone from the library is named by its id.
journal::AiringPlan airing_plan(const scheduler::Order& order, scheduler::ItemId item,
                                std::optional<std::int64_t> one_off, const scheduler::Rules& rules);

// The plan of an item the scheduler decided will not air, and its journal status.
journal::AiringPlan not_aired_plan(const scheduler::NotAired& n, const scheduler::Rules& rules);
journal::Status status_of(scheduler::NotAiredKind kind);

// The programme and plans for `order`, its cues in order.
Built build_programme(const scheduler::Order& order, const scheduler::Rules& rules);

}  // namespace lp::playout
