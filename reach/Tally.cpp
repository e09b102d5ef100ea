#include "reach/Tally.hpp"

#include <algorithm>

namespace lp::reach {
namespace {

constexpr std::int64_t listen_ms = 30'000;
// Past this many separate spans a client's coverage takes no new ones (a client fetching
// scattered single bytes must not grow memory); it may then undercount.
constexpr std::size_t max_spans = 64;

}  // namespace

std::string_view kind_code(Kind k) {
    switch (k) {
        case Kind::listen: return "listen";
        case Kind::feed: return "feed";
        case Kind::qr: return "qr";
    }
    return "listen";
}

std::uint64_t listen_threshold(std::uint64_t size_bytes, std::optional<std::int64_t> duration_ms) {
    if (!duration_ms || *duration_ms <= listen_ms) return size_bytes;
    const auto d = static_cast<std::uint64_t>(*duration_ms);
    // Rounded up, so that 30 s is never reached by a byte short of it.
    return (size_bytes * static_cast<std::uint64_t>(listen_ms) + d - 1) / d;
}

void Tally::roll(domain::LocalDate day) {
    if (day_ && *day_ == day) return;
    day_ = day;
    seen_.clear();
    coverage_.clear();
}

bool Tally::first(domain::LocalDate day, const std::string& client, std::int64_t item, Kind kind) {
    roll(day);
    auto key = std::make_tuple(client, item, kind);
    if (seen_.contains(key) || full()) return false;
    seen_.insert(std::move(key));
    return true;
}

void Tally::Coverage::add(std::uint64_t begin, std::uint64_t end) {
    if (begin >= end) return;
    auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(begin, begin));
    if (it != spans.begin() && std::prev(it)->second >= begin) --it;
    // Merge every span that touches [begin, end).
    auto last = it;
    while (last != spans.end() && last->first <= end) {
        begin = std::min(begin, last->first);
        end = std::max(end, last->second);
        ++last;
    }
    if (it == last && spans.size() >= max_spans) return;
    it = spans.erase(it, last);
    spans.insert(it, {begin, end});
    total = 0;
    for (const auto& [b, e] : spans) total += e - b;
}

bool Tally::fetched(domain::LocalDate day, const std::string& client, std::int64_t item, std::uint64_t first,
                    std::uint64_t count, std::uint64_t needed) {
    roll(day);
    if (seen_.contains(std::make_tuple(client, item, Kind::listen))) return false;
    const auto key = std::make_pair(client, item);
    auto it = coverage_.find(key);
    if (it == coverage_.end()) {
        if (full()) return false;
        it = coverage_.emplace(key, Coverage{}).first;
    }
    it->second.add(first, first + count);
    if (it->second.total < needed) return false;
    coverage_.erase(it);
    seen_.emplace(client, item, Kind::listen);
    return true;
}

}  // namespace lp::reach
