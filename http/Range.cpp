#include "http/Range.hpp"

#include <algorithm>
#include <charconv>

namespace lp::http {
namespace {

std::optional<std::uint64_t> number(std::string_view s) {
    std::uint64_t v = 0;
    if (s.empty()) return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

RangeAnswer parse_range(std::string_view header, std::uint64_t size, std::uint64_t max_chunk) {
    RangeAnswer a;
    if (!header.starts_with("bytes=")) return a;
    const auto spec = header.substr(6);
    if (spec.find(',') != std::string_view::npos) return a;
    const auto dash = spec.find('-');
    if (dash == std::string_view::npos) return a;
    const auto from = spec.substr(0, dash);
    const auto to = spec.substr(dash + 1);
    ByteRange r;
    if (from.empty()) {
        const auto n = number(to);
        if (!n) return a;
        if (*n == 0 || size == 0) return {RangeAnswer::Kind::unsatisfiable, {}};
        r.first = size - std::min(*n, size);
        r.last = size - 1;
    } else {
        const auto f = number(from);
        if (!f) return a;
        if (*f >= size) return {RangeAnswer::Kind::unsatisfiable, {}};
        r.first = *f;
        r.last = size - 1;
        if (!to.empty()) {
            const auto l = number(to);
            if (!l || *l < *f) return a;
            r.last = std::min(*l, size - 1);
        }
    }
    if (max_chunk > 0) r.last = std::min(r.last, r.first + max_chunk - 1);
    return {RangeAnswer::Kind::partial, r};
}

}  // namespace lp::http
