#pragma once
// The reach of an airing on a streamed output (issue 13): how many listeners the output's
// Icecast mount had while the airing went out, kept beside the sealed row (airing_listeners).
// A count read from someone else's server is a measurement, not part of what the box attests.

#include <cstdint>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"

namespace lp::journal {

struct ListenerFigure {
    std::string output;  // the output's name in the config
    int peak = 0;        // the highest count sampled
    // Time-weighted over the airing: each sample's count holds until the next sample.
    double mean = 0;
    int samples = 0;  // at least one
    bool operator==(const ListenerFigure&) const = default;
};

// Writes the figures of journal row `row`, replacing any written before for the same output
// (a write replayed after a crash lands once). Throws sqlite::Error.
void save_listeners(sqlite::Database& db, std::int64_t row, const std::vector<ListenerFigure>& figures);
// The figures of row `row`, by output name; none for a row that went to no sampled stream.
std::vector<ListenerFigure> load_listeners(sqlite::Database& db, std::int64_t row);

}  // namespace lp::journal
