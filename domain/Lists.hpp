#pragma once
// Comma-separated lists, the form the database and the CLI use for short lists of names
// (outputs, days, topics). Empty parts are dropped.

#include <string>
#include <string_view>
#include <vector>

namespace lp::domain {

std::vector<std::string> split_commas(std::string_view text);

template <typename Range, typename Fn>
std::string join_commas(const Range& values, Fn&& to_text) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ',';
        out += to_text(v);
    }
    return out;
}

inline std::string join_commas(const std::vector<std::string>& values) {
    return join_commas(values, [](const std::string& s) { return s; });
}

}  // namespace lp::domain
