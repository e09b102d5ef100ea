#pragma once
// The operator's manual entries and corrections, checked: the fields as typed (CLI options,
// API JSON) into JournalStore's ManualEntry and Correction, with a Vietnamese message naming
// the bad field. Shared by `loaphuong journal add-manual|correct` and
// POST /api/journal/manual and POST /api/journal/{id}/correct.

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "journal/JournalStore.hpp"

namespace date {
class time_zone;
}

namespace lp::journal {

// A refused entry or correction; what() is Vietnamese, for the operator.
class EntryError : public std::invalid_argument {
public:
    enum class Kind {
        invalid,     // a value that does not parse or is not allowed
        no_row,      // the row to correct does not exist
        still_open,  // the row to correct is still airing
        unchanged,   // the correction changes nothing
    };
    EntryError(Kind kind, std::string field, const std::string& message)
        : std::invalid_argument(message), kind_(kind), field_(std::move(field)) {}
    Kind kind() const { return kind_; }
    // "date", "start", "duration", "title", "topic", "topics", "form", "kind", "by", "reason",
    // "id"; "" for the entry as a whole.
    const std::string& field() const { return field_; }

private:
    Kind kind_;
    std::string field_;
};

// How the caller names a field in its messages: the CLI its option ("--start"), the API
// nothing ("": the field travels beside the message).
using FieldNames = std::function<std::string(std::string_view field)>;

struct ManualInput {
    std::string date;      // dd/mm/yyyy or yyyy-mm-dd, local
    std::string start;     // HH:MM, local
    std::string duration;  // "15m", "1h30m", "90s"
    std::string title;
    std::string topic = "other";
    std::string form = "other";
    std::string kind = "truc_tiep";  // truc_tiep (read live) or tiep_song (relay): the default slot
    std::string slot;                // how it aired; empty: from `kind`
    std::string by;                  // who enters it
    std::string note;
};

// Throws EntryError (Kind::invalid). A start after `now` is refused: only what aired is
// journaled. Pure.
ManualEntry manual_entry(const ManualInput& in, const date::time_zone* tz, TimePoint now, const FieldNames& names);

struct CorrectionInput {
    std::optional<std::string> title;
    std::optional<std::vector<std::string>> topics;  // replaces the whole list
    std::optional<std::string> form;
    std::string by;
    std::string reason;
};

// Throws EntryError (Kind::invalid). Pure.
Correction checked_correction(const CorrectionInput& in, const FieldNames& names);

// Checks `in` and writes the correction of row `id` (JournalStore::correct); its refusals
// become EntryError (no_row, still_open, unchanged). Returns the new row's id.
std::int64_t correct_row(JournalStore& journal, std::int64_t id, const CorrectionInput& in, const FieldNames& names);

}  // namespace lp::journal
