#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journal/Status.hpp"

namespace lp::journal {

using TimePoint = std::chrono::system_clock::time_point;
using Millis = std::chrono::milliseconds;

// What the loop knows of an airing before it starts.
struct AiringPlan {
    TimePoint scheduled_at;
    std::optional<std::int64_t> media_item_id;
    std::string file;
    std::string title;
    std::vector<std::string> topics;  // every topic of the item, in its order; none counts as "other"
    std::string form;
    std::string slot;
    std::optional<std::int64_t> one_off{};  // the one-off order it airs for, if any
    Millis length{0};                       // as the library measured it; zero when unknown
    // Said on the row when the airing is closed, e.g. that it is a resumption after a restart.
    std::string note{};
    // A live source's airing: its kind (tiep_song, truc_tiep) and URL or device; empty for files.
    std::string live_kind{};
    std::string live_source{};
};

// What an airing's start leaves as proof besides its instant (sealed from version 4).
struct StartEvidence {
    // Whether the system clock was NTP-synchronised when the airing started (the kernel's
    // STA_UNSYNC, journal/ClockSync.hpp); none: not known (manual rows, rows from before).
    std::optional<bool> clock_synced{};
    // The day's archive recording the airing went into ("2026-03-05.mp3", in the archive
    // output's folder) and where in it the airing starts; empty: no archive recorded it.
    std::string archive_file{};
    std::optional<Millis> archive_offset{};
    bool operator==(const StartEvidence&) const = default;
};

// Names a cue of a programme handed to the player (journal::PendingAirings).
struct PendingKey {
    std::string programme;
    std::size_t cue = 0;
};

// One journal row as stored.
struct JournalRow {
    std::int64_t id = 0;
    AiringPlan plan;
    std::optional<TimePoint> started_at;
    std::optional<TimePoint> ended_at;
    std::vector<std::string> outputs;  // the outputs that actually carried the airing
    Millis played{0};
    std::optional<int> ordinal;
    Status status = Status::playing;
    std::string reason;  // in Vietnamese, for the reviewer ("Ghi chú")
    std::string
        detail;  // technical detail for whoever fixes it (FFmpeg's message, a file path); not in the official table
    std::optional<std::string> media_sha256;  // the aired file's SHA-256 when the library knew it
    std::string manual_by;                    // who entered a manual row or correction; empty: the player
    std::optional<std::int64_t> corrects;     // the row this one corrects
    // Rows aired for a one-off: the account that ordered it and the one that approved the order
    // (an operator's emergency confirmed by an approver); empty otherwise. Sealed from version 3.
    std::string ordered_by{};
    std::string approved_by{};
    std::optional<std::int64_t> chain_seq;  // position in the hash chain once sealed
    std::string seal;                       // hex SHA-256 once sealed (closed rows only)
    int seal_version = 0;                   // the canonical form of the seal (journal/Seal.hpp); 0 unsealed
    // First sample written minus the programme's start instant, for the item that opens a
    // programme; empty for later items, manual rows and rows from before it was measured.
    std::optional<std::chrono::microseconds> start_lateness;
    StartEvidence start_evidence{};

    bool is_manual() const { return !manual_by.empty() && !corrects; }
};

}  // namespace lp::journal
