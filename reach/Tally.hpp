#pragma once
// The public side's rules for what counts, in memory and for one local day at a time (pure: the
// day is given, no I/O): a client counts once per item and kind a day; a listen counts when the
// bytes a client fetched of an item, together, reach the listen threshold. A new day forgets
// the previous one (its clients' names were made with a key that no longer exists). Bounded:
// past `max_entries` clients x items in a day, new ones are not tracked (undercount, never
// overcount). Not thread-safe: used on the loop.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "domain/Time.hpp"

namespace lp::reach {

enum class Kind { listen, feed, qr };
std::string_view kind_code(Kind k);  // "listen", "feed", "qr" (stored)

// Bytes of a file that make a listen: 30 s of audio by the file's average rate, or the whole
// file when the item is not longer than 30 s or its length is unknown.
std::uint64_t listen_threshold(std::uint64_t size_bytes, std::optional<std::int64_t> duration_ms);

class Tally {
public:
    explicit Tally(std::size_t max_entries = 200000) : max_entries_(max_entries) {}
    // True the first time this client does this kind for this item (0: the page or feed) today.
    bool first(domain::LocalDate day, const std::string& client, std::int64_t item, Kind kind);
    // Adds the bytes [first, first + count) to what the client fetched of the item today. True
    // once: when they first reach `needed` (and the listen is marked done for today).
    bool fetched(domain::LocalDate day, const std::string& client, std::int64_t item, std::uint64_t first,
                 std::uint64_t count, std::uint64_t needed);
    std::size_t tracked() const { return seen_.size() + coverage_.size(); }

private:
    struct Coverage {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;  // sorted, disjoint [begin, end)
        std::uint64_t total = 0;
        void add(std::uint64_t begin, std::uint64_t end);
    };
    void roll(domain::LocalDate day);
    bool full() const { return tracked() >= max_entries_; }

    std::size_t max_entries_;
    std::optional<domain::LocalDate> day_;
    std::set<std::tuple<std::string, std::int64_t, Kind>> seen_;
    std::map<std::pair<std::string, std::int64_t>, Coverage> coverage_;
};

}  // namespace lp::reach
