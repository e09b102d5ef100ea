#pragma once
// What a spill file (journal/OpCodec.hpp) says is still to do: pure, so that a replay after a
// crash can be checked without a file or a database.

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "journal/OpCodec.hpp"

namespace lp::journal {

struct SpillBacklog {
    std::vector<SpillOp> waiting;          // writes not done, in order
    std::map<Ticket, std::int64_t> rows;   // tickets that may still be referred to, and their rows
    std::optional<std::int64_t> last_row;  // the newest row known to predate `waiting`
    Ticket next_ticket{1};                 // above every ticket in the file
    std::uint64_t next_seq = 1;            // above every write in the file
};

// From the file's records in file order. Writes land in order and each `done` line follows its
// write, so every write up to the last `done` is done.
SpillBacklog backlog_of(const std::vector<SpillRecord>& records);

}  // namespace lp::journal
