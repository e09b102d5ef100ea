#pragma once
// The journal writes the loop makes, as values: JournalWriter applies them, keeps them in order
// while the database refuses them and saves them to its spill file (journal/OpCodec.hpp).

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "journal/Airing.hpp"
#include "journal/ListenerRecord.hpp"
#include "journal/LiveRecord.hpp"

namespace lp::journal {

// Stands for a journal row opened through JournalWriter::begin(). The row's id is known once
// the write lands, which may be later, or in a later process replaying the spill file.
enum class Ticket : std::uint64_t {};

namespace op {

struct Begin {
    Ticket ticket;
    AiringPlan plan;
    TimePoint started_at;
    std::vector<std::string> outputs;
    std::optional<std::chrono::microseconds> start_lateness;
    std::optional<PendingKey> pending{};  // the cue it airs, linked to the row
    StartEvidence evidence{};
};
struct SetOutputs {
    Ticket ticket;
    std::vector<std::string> outputs;
};
struct Progress {
    Ticket ticket;
    Millis played;
};
struct Finish {
    Ticket ticket;
    TimePoint ended_at;
    Millis played;
    Status status;
    std::string reason;
    std::string detail{};  // technical text, kept out of the official table
};
struct NotAired {
    AiringPlan plan;
    Status status;
    TimePoint at;
    std::string reason;
    std::string detail{};
    std::optional<PendingKey> pending{};  // the cue it settles
};
struct PendingAdd {
    std::string programme;
    std::vector<AiringPlan> plans;
    std::vector<std::string> outputs{};
};
// An emergency cut `from`: its cues from `from_cue` on go to `to` (PendingAirings::hand_on).
struct PendingHandOn {
    std::string from;
    std::size_t from_cue;
    std::string to;
};
struct PendingRemove {
    std::string programme;
    std::size_t cue;
};
// Every cue still pending (of `programme`, or of every programme) that never started becomes a
// `missed` row; one cut mid-air (it has its interrupted row) is dropped.
struct MissPending {
    std::optional<std::string> programme;
    TimePoint at;
    std::string reason;
};
// How the live source a row aired went (before its Finish: the ticket must still stand).
struct Live {
    Ticket ticket;
    LiveRecord record;
};
// The listener figures of a row (journal/ListenerRecord.hpp). By row, not ticket: they are
// known after the row's finish, once the last sample came back.
struct Listeners {
    std::int64_t row;
    std::vector<ListenerFigure> figures;
};
// A value of which only the latest matters (the scheduler's marks), applied by its owner.
struct KeepLatest {
    std::string key;
    std::string value;
};

}  // namespace op

using WriteOp =
    std::variant<op::Begin, op::SetOutputs, op::Progress, op::Finish, op::NotAired, op::PendingAdd, op::PendingRemove,
                 op::MissPending, op::KeepLatest, op::PendingHandOn, op::Live, op::Listeners>;

}  // namespace lp::journal
