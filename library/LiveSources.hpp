#pragma once
// Live sources in the library (tiếp sóng: a station relayed from its stream; trực tiếp: read
// live): an item like a recording, with a title, topics and form, that airs its source for a
// planned length instead of a file, a fallback item filling its dropouts.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/sqlite/Database.hpp"

namespace lp::library {

// A source refused before it is saved: what() is Vietnamese and names the field and value.
class LiveSourceError : public std::runtime_error {
public:
    LiveSourceError(std::string field, const std::string& message)
        : std::runtime_error(message), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

struct LiveSourceRequest {
    std::string url;  // http(s)://…, an HLS playlist, rtp:// or udp://, file://…, or an .sdp file
    std::string title;
    std::chrono::milliseconds length{0};  // planned
    std::string kind = "tiep_song";       // or truc_tiep
    std::vector<std::string> topics{"other"};
    std::string form = "other";
    std::optional<std::int64_t> fallback;  // a recording of the library
    std::optional<std::string> note;
};

// Checks the address as far as it can be without airing it: its form, its scheme, and that a
// local file (file://, .sdp) exists. Throws LiveSourceError.
void check_live_url(const std::string& url);

// Checks every field (throws LiveSourceError naming the first wrong one) and saves the
// source as a new library item; returns its id. Like an import, it needs approval to air.
std::int64_t add_live_source(sqlite::Database& db, const LiveSourceRequest& request);

}  // namespace lp::library
