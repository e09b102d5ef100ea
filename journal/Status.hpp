#pragma once
#include <optional>
#include <string_view>

namespace lp::journal {

// An airing's state. `playing` is the only open state: a row is committed as playing when the
// first sample leaves and closed with one of the others. `failed`, `skipped` (not aired by
// decision: did not fit the slot's length, not approved, expired, retired) and `missed` (its
// time passed while the daemon was down or the clock jumped) rows never reached listeners and
// carry the reason, which exports show beside the label.
enum class Status { playing, completed, interrupted, failed, skipped, missed };

// Every status, in a fixed order (for iteration in tests and reports).
inline constexpr Status all_statuses[] = {Status::playing, Status::completed, Status::interrupted,
                                          Status::failed,  Status::skipped,   Status::missed};

std::string_view to_code(Status s);  // "completed" (stored in the database)
std::optional<Status> status_from_code(std::string_view code);
std::string_view status_label(Status s);  // Vietnamese, for exports

// Whether the audience heard (part of) the item: such rows count in "số lượt phát".
bool reached_listeners(Status s);

// Closing a row: only an open row may close, and never into `playing`.
// Throws std::logic_error naming both states otherwise (a bug, not bad input).
Status close(Status from, Status to);

// The ordinal ("this item's Nth airing") for a new row: the item's earlier airings that
// reached listeners plus one, or none for a row that did not reach them.
std::optional<int> ordinal_for(bool reaches_listeners, int earlier_airings);

}  // namespace lp::journal
