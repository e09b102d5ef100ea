#pragma once
// The journal's hash chain, pure: how a closed row is encoded and sealed. No I/O.
//
//   seal(n) = SHA-256( seal(n-1) || canonical(row n) ),   seal(0) = 64 × '0'
//
// canonical() covers every field a reviewer reads (times, item, file and its SHA-256, topics,
// form, slot, outputs, duration, ordinal, status, reason, who entered it, what it corrects)
// plus the row's id and position in the chain, so an edited, deleted, reordered or inserted
// row breaks the chain at that row. Each row keeps the version of the form it was sealed with:
//   1  "loaphuong-journal-v1": the fields above (rows sealed before schema 9; their topic field
//      holds one code);
//   2  "loaphuong-journal-v2": version 1's fields, the topic field holding every topic
//      comma-separated, then the first-sample lateness (the reports' punctuality) and the
//      technical detail;
//   3  "loaphuong-journal-v3": version 2's fields, then the account that ordered the one-off the
//      row airs for and the account that approved that order (evidence of emergency orders);
//   4  "loaphuong-journal-v4": version 3's fields, then whether the system clock was
//      synchronised at the start, the archive recording the airing went into and its offset
//      there (journal/Airing.hpp StartEvidence).

#include <string>
#include <string_view>

#include "journal/Airing.hpp"

namespace lp::journal {

inline constexpr std::string_view genesis_seal = "0000000000000000000000000000000000000000000000000000000000000000";

// The version new seals use.
inline constexpr int current_seal_version = 4;

// Length-prefixed fields ("5:hello," or "~," for none) after a version tag; unambiguous.
// Encodes in row.seal_version's form; throws std::invalid_argument for a version it does not know.
std::string canonical(const JournalRow& row, std::int64_t chain_seq);

std::string seal_of(std::string_view previous_seal, const JournalRow& row, std::int64_t chain_seq);

}  // namespace lp::journal
