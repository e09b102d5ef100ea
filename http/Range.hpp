#pragma once
// The one byte range of a "Range: bytes=..." header on a file of `size` bytes.

#include <cstdint>
#include <optional>
#include <string_view>

namespace lp::http {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive
};

struct RangeAnswer {
    enum class Kind { whole, partial, unsatisfiable } kind = Kind::whole;
    ByteRange range;
};

// No header, another unit or several ranges: whole. A range beyond the end: unsatisfiable.
// A partial answer is at most `max_chunk` bytes (the client asks for the rest).
RangeAnswer parse_range(std::string_view header, std::uint64_t size, std::uint64_t max_chunk);

}  // namespace lp::http
