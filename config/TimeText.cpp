#include "config/TimeText.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace lp::config {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Reads min_digits..max_digits decimal digits from the front of `text` and consumes them.
std::optional<int> take_number(std::string_view& text, std::size_t min_digits, std::size_t max_digits) {
    std::size_t n = 0;
    int value = 0;
    while (n < text.size() && n < max_digits && is_digit(text[n])) {
        value = value * 10 + (text[n] - '0');
        ++n;
    }
    if (n < min_digits) return std::nullopt;
    text.remove_prefix(n);
    return value;
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    constexpr std::int64_t limit = std::int64_t{100000} * 3600;
    constexpr std::array<std::pair<char, std::int64_t>, 3> units{{{'h', 3600}, {'m', 60}, {'s', 1}}};
    if (text.empty()) return std::nullopt;
    std::int64_t total = 0;
    std::size_t next_unit = 0;  // units must come in order h, m, s
    while (!text.empty()) {
        std::size_t n = 0;
        std::int64_t value = 0;
        while (n < text.size() && is_digit(text[n])) {
            if (n >= 9) return std::nullopt;  // keeps the arithmetic far from overflow
            value = value * 10 + (text[n] - '0');
            ++n;
        }
        if (n == 0 || n == text.size()) return std::nullopt;  // no number, or no unit
        const char unit = ascii_lower(text[n]);
        std::size_t u = next_unit;
        while (u < units.size() && units[u].first != unit) ++u;
        if (u == units.size()) return std::nullopt;  // unknown unit, repeated or out of order
        total += value * units[u].second;
        if (total > limit) return std::nullopt;
        next_unit = u + 1;
        text.remove_prefix(n + 1);
    }
    return std::chrono::seconds{total};
}

std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text) {
    const auto hours = take_number(text, 1, 2);
    if (!hours || text.empty() || text.front() != ':') return std::nullopt;
    text.remove_prefix(1);
    const auto minutes = take_number(text, 2, 2);
    if (!minutes) return std::nullopt;
    int seconds = 0;
    if (!text.empty()) {
        if (text.front() != ':') return std::nullopt;
        text.remove_prefix(1);
        const auto s = take_number(text, 2, 2);
        if (!s) return std::nullopt;
        seconds = *s;
    }
    if (!text.empty() || *hours > 23 || *minutes > 59 || seconds > 59) return std::nullopt;
    return std::chrono::seconds{*hours * 3600 + *minutes * 60 + seconds};
}

std::optional<unsigned> parse_weekday(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, unsigned>, 14> names{{
        {"sun", 0},
        {"mon", 1},
        {"tue", 2},
        {"wed", 3},
        {"thu", 4},
        {"fri", 5},
        {"sat", 6},
        {"cn", 0},
        {"t2", 1},
        {"t3", 2},
        {"t4", 3},
        {"t5", 4},
        {"t6", 5},
        {"t7", 6},
    }};
    if (text.size() > 3) return std::nullopt;
    std::string lower;
    for (char c : text) lower.push_back(ascii_lower(c));
    for (const auto& [name, day] : names)
        if (lower == name) return day;
    return std::nullopt;
}

}  // namespace lp::config
