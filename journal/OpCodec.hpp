#pragma once
// The spill file's lines (journal/SpillFile.hpp): one JSON object a line, of three kinds.
//   head  written first in a new file: the rows of tickets opened before the spill began, so a
//         later process can resolve the writes that refer to them;
//   op    one write, numbered (`seq`) in the order it was made;
//   done  write `seq` landed (with the row it made) or was given up: not to be applied again.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "journal/WriteOp.hpp"

namespace lp::journal {

struct SpillHead {
    std::map<Ticket, std::int64_t> rows;
    // The newest journal row known when the spill began: a write that may have landed just
    // before a crash is looked for only above it.
    std::optional<std::int64_t> last_row;
};
struct SpillOp {
    std::uint64_t seq = 0;
    WriteOp op;
};
struct SpillDone {
    std::uint64_t seq = 0;
    std::optional<std::int64_t> row;
};
using SpillRecord = std::variant<SpillHead, SpillOp, SpillDone>;

// One line, without its newline.
std::string encode(const SpillRecord& record);
// Throws std::invalid_argument for a line that is not one of ours (torn, or edited).
SpillRecord decode(std::string_view line);

}  // namespace lp::journal
