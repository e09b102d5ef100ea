#pragma once
// The scheduler's state machine. The shell (the daemon's event loop, or a test in virtual
// time) asks when to wake up, calls tick() then, carries out the decisions (hand programmes to
// the player, journal what will not air) and reports the player's events back. No I/O, no
// clock of its own: time is whatever `now` the shell passes.
//
// Guarantees: no occurrence is decided twice (high-water marks survive restarts and backward
// clock jumps); none is silently lost (a start passed by more than the grace period is
// journaled missed); an emergency one-off cuts what plays and the cut programme resumes with
// its next item; a play-next one-off airs at its time when nothing plays, else right after the
// programmes already handed to the player, cutting nothing (the player plays its queue in
// order; it cannot split a programme it was handed, so "after what plays now" means after
// the programme that plays now). Programmes go to the player `preroll` ahead of their start,
// so that files are probed and live sources connect before the first sample is due: a slot's
// always, an emergency's only when it airs a live source (it cuts what plays at that moment
// and its start follows the pre-roll later); other emergencies cut and start at their instant.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scheduler/History.hpp"
#include "scheduler/Model.hpp"
#include "scheduler/Planner.hpp"

namespace date {
class time_zone;
}

namespace lp::scheduler {

// A programme for the player.
struct Order {
    std::string id;
    std::string slot_name;   // the slot, or "Phát đột xuất" for a one-off of its own
    TimePoint scheduled_at;  // the slot's or one-off's instant (journaled)
    TimePoint start;         // when the first sample should leave
    std::vector<PlannedCue> cues;
    std::vector<std::string> outputs;  // empty = all
    // Set when an emergency cut an order: this one airs that order's cues from `resumes_from`.
    std::string resumes;
    std::size_t resumes_from = 0;
    // The end of the slot occurrence: a cut item is aired again only if it still fits.
    TimePoint ends_by = TimePoint::max();
    // It continues an order that was cut (by an emergency or a restart): its first start is
    // not an instant of the schedule.
    bool resumption = false;
};

// Why an item will not air: the scheduler's own words, journaled by the shell.
enum class NotAiredKind {
    skipped,  // may not air or does not fit
    missed,   // its time passed by more than the grace period
};

// An item that will not air, for the journal.
struct NotAired {
    ItemId item = 0;
    std::string slot_name;
    TimePoint scheduled_at;
    NotAiredKind kind = NotAiredKind::skipped;
    std::string reason;
    std::optional<std::int64_t> one_off{};  // the order it was for (its accounts go on the row)
};

struct Decisions {
    bool stop_current = false;  // cut what plays (and what is queued) before `air`
    std::string cut_reason;     // with stop_current: what the row of the cut item says
    std::vector<Order> air;
    std::vector<NotAired> not_aired;
    std::vector<std::string> notes;  // for the log
    bool empty() const { return !stop_current && air.empty() && not_aired.empty(); }
};

// What the engine must not decide again: everything at or before these instants is done.
struct Marks {
    TimePoint slots;        // slot occurrences (and the normal/priority one-offs attached to them)
    TimePoint emergencies;  // emergency and play-next one-offs (decided at their instant)
};

// Where the player was when an emergency stopped it: the order it played (or played last),
// its latest cue, and whether that cue had ended (completed or failed).
struct PlayerPosition {
    std::string order;
    std::size_t cue = 0;
    bool ended = false;
};
// Stops the player and says where it was (none before its first cue).
using CutPlayer = std::function<std::optional<PlayerPosition>()>;

// How far ahead of its start the engine hands a programme to the player (see above).
inline constexpr Seconds default_preroll{2};

class Engine {
public:
    Engine(Rules rules, const date::time_zone* tz, TimePoint daemon_start, Marks done, History history,
           Seconds preroll = default_preroll);

    // How the shell stops the player: tick() calls it at the instant an emergency cuts what
    // plays, and resumes the cut orders from the position it returns rather than from the
    // events alone, which may still be on their way (a cue completed just before the cut
    // must not air again). Without it, the events alone count.
    void set_cut_player(CutPlayer cut) { cut_player_ = std::move(cut); }

    // New rules at run time (CLI/API edits): applies from the next undecided occurrence.
    void set_rules(Rules rules);
    const Rules& rules() const { return rules_; }

    // When the shell must call tick() next; none when nothing will ever be due.
    std::optional<TimePoint> next_wakeup() const;
    // Decides everything due by `now`. Safe to call at any time, any number of times.
    Decisions tick(TimePoint now);

    // An order the shell hands out itself (the rest of a programme cut by a crash, resumed
    // after a restart): it is in flight like the engine's own, so an emergency can cut it.
    // The occurrence it continues is not decided again, even if the marks saved before the
    // crash did not include it yet.
    void adopt(const Order& order);

    // Player events, in the order the player sends them.
    void cue_started(const std::string& order, std::size_t cue, TimePoint at);
    void cue_finished(const std::string& order, std::size_t cue);
    void order_done(const std::string& order);
    // The operator stopped the player (loaphuong stop, the page's stop button): what was handed
    // out ends where it is. Its last events still arrive and count, but an emergency decided
    // before they do resumes none of it, nor does anything else.
    void operator_stopped();

    const Marks& marks() const { return marks_; }
    const History& history() const { return history_; }
    bool busy() const { return !in_flight_.empty(); }

private:
    struct Due {
        TimePoint at;
        std::vector<std::size_t> slots;   // slot occurrences at `at`
        std::vector<OneOff> emergencies;  // emergency and play-next instances at `at`
    };
    std::optional<Due> next_slots() const;
    std::optional<Due> next_emergencies() const;
    // When the one-offs of `due` are decided: the earliest of their instants less their lead.
    TimePoint decided_at(const Due& due) const;
    // Whether `item` is a live source (a stream or a capture device) rather than a file.
    bool is_live(decltype(OneOff::item) item) const;
    std::vector<OneOff> instances(Priority p, TimePoint after, TimePoint until) const;
    void decide_slot(std::size_t slot, TimePoint at, TimePoint now, const std::vector<OneOff>& attached, Decisions& d);
    void decide_emergency(const OneOff& o, TimePoint now, Decisions& d);
    void decide_next(const OneOff& o, TimePoint now, Decisions& d);
    // Not airable (journaled skipped or missed, with the reason): false. For the one-offs
    // decided at their own instant (emergency and play-next).
    bool airable_now(const OneOff& o, const std::string& name, TimePoint now, Decisions& d) const;
    void hand_out(Order order, Decisions& d);
    bool adopted(const std::string& id) const;
    // The player's own position at a cut: the orders before its order are done, and its
    // order is at `at.cue`.
    void catch_up(const PlayerPosition& at);

    struct InFlight {
        Order order;
        std::optional<std::size_t> playing;  // index of the cue that started last
        bool playing_ended = false;          // ... and it has finished
        bool stopped = false;                // by the operator: never resumed
    };
    std::optional<Order> rest_after_cut(const InFlight& f, const OneOff& emergency, TimePoint now, bool first,
                                        Decisions& d);

    Rules rules_;
    const date::time_zone* tz_;
    TimePoint daemon_start_;
    Marks marks_;
    History history_;
    Seconds preroll_;
    std::vector<std::string> in_flight_order_;  // handed-out order ids, oldest first
    std::map<std::string, InFlight> in_flight_;
    int resumes_ = 0;
    std::set<std::string> adopted_;  // ids of the occurrences adopted orders continue
    CutPlayer cut_player_;
};

}  // namespace lp::scheduler
