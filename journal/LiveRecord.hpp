#pragma once
// How an airing of a live source went (tiếp sóng / trực tiếp), kept beside its journal row:
// the sealed row says what aired and for how long (the source's own seconds, never the
// fallback's); this says from where, against what was planned, and every dropout.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "journal/Airing.hpp"

namespace lp::journal {

struct LiveDropout {
    TimePoint at;
    Millis length{0};
};

struct LiveRecord {
    std::string kind;    // tiep_song (a relayed station) or truc_tiep (read live into a capture input)
    std::string source;  // the URL or capture device
    Millis planned{0};
    Millis relayed{0};
    std::string fallback;  // the fallback file's name; empty: silence
    std::vector<LiveDropout> dropouts;
};

// The two kinds, as stored and as the operator names them on the CLI and API.
bool is_live_kind(std::string_view kind);
std::string_view live_kind_label(std::string_view kind);  // "Tiếp sóng", "Trực tiếp"

// Writes the record of journal row `row`, replacing one written before (a write replayed
// after a crash lands once). Throws sqlite::Error.
void save_live(sqlite::Database& db, std::int64_t row, const LiveRecord& record);
// The record of row `row`; none for a row that did not air a live source.
std::optional<LiveRecord> load_live(sqlite::Database& db, std::int64_t row);

}  // namespace lp::journal
