#pragma once
// Checks the journal's chain against signed checkpoints, pure: the chain is given as a lookup
// of the seal at a position and the position it ends at. A checkpoint whose position is past
// the chain's end shows a truncation; one whose seal differs shows a rewrite (every seal after
// an edit recomputed, which the unkeyed chain alone cannot tell).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "evidence/Checkpoint.hpp"

namespace date {
class time_zone;
}

namespace lp::evidence {

struct KnownCheckpoint {
    Checkpoint checkpoint;
    std::string source;  // where it came from: "cơ sở dữ liệu", a file's name
};

struct CheckpointFinding {
    enum class Kind {
        bad_signature,  // the line was altered, or signed by another key
        other_key,      // a valid-looking line from another box's key
        truncated,      // the chain ends before the checkpoint's position
        rewritten,      // the chain holds another seal at the checkpoint's position
    };
    Kind kind;
    KnownCheckpoint at;
    std::int64_t chain_end = 0;                // for truncated
    std::optional<KnownCheckpoint> last_good;  // the latest checkpoint the chain still matches
};

struct CheckpointReport {
    int checked = 0;  // checkpoints with a valid signature by the box's key
    std::vector<CheckpointFinding> findings;
    std::optional<KnownCheckpoint> latest;  // the latest valid checkpoint the chain matches
    bool ok() const { return findings.empty(); }
};

using SealAt = std::function<std::optional<std::string>(std::int64_t chain_seq)>;

CheckpointReport check_against_checkpoints(std::vector<KnownCheckpoint> checkpoints, const std::string& public_hex,
                                           const SealAt& seal_at, std::int64_t chain_end);

// Vietnamese, for the operator: "chuỗi đã bị viết lại sau mốc ngày 05/03/2026 …".
std::string describe(const CheckpointFinding& f, const date::time_zone* tz);

}  // namespace lp::evidence
