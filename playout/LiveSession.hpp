#pragma once
// The one live session (`loaphuong live start`) the daemon airs at a time: an emergency
// one-off of a live source, on from its order until the player says that order's programme is
// done (ended, stopped, cut or dropped), or until the scheduler says it will not air. Pure: the
// daemon feeds it what it hands out and hears back, on the loop.

#include <cstdint>
#include <optional>
#include <string>

#include "scheduler/Engine.hpp"

namespace lp::playout {

struct LiveSessionInfo {
    std::int64_t one_off = 0;
    std::int64_t item = 0;
    std::string title;
    std::string kind;    // tiep_song or truc_tiep
    std::string source;  // the URL or capture device
    std::string by;      // who speaks or started the relay
    scheduler::TimePoint since;
};

class LiveSession {
public:
    bool on() const { return info_.has_value(); }
    const std::optional<LiveSessionInfo>& info() const { return info_; }
    // The player's programme that airs it; none until its order is handed out.
    const std::optional<std::string>& programme() const { return programme_; }

    void begin(LiveSessionInfo info);
    // An order handed to the player: the session's when one of its cues is the session's one-off.
    void handed(const scheduler::Order& order);
    // The player's programme is over: the session ends with its own.
    void done(const std::string& programme);
    // The scheduler will not air `one_off` (skipped, missed): the session ends.
    void not_aired(std::optional<std::int64_t> one_off);
    void clear();

private:
    std::optional<LiveSessionInfo> info_;
    std::optional<std::string> programme_;
};

}  // namespace lp::playout
