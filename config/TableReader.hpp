#pragma once
// A validating reader over one TOML table. It knows the table's dotted key path (for
// messages), rejects keys the schema does not declare as soon as it is built, and hands out
// typed values together with their line so that later checks can point at them.
// Private to config/: the public API is Load.hpp.

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace lp::config::detail {

// Where the text came from: the name shown in messages and the folder relative paths
// resolve against (absolute).
struct Source {
    std::string name;
    std::filesystem::path base_dir;
};

// A value read from the file with the place it came from.
template <class T>
struct Located {
    T value;
    std::uint32_t line = 0;
    std::string key;  // dotted key path, e.g. "slot[0].days[2]"
};

// Throws ConfigError "NAME:LINE: KEY: message" (or "NAME:LINE: message" when key is empty).
[[noreturn]] void fail(const Source& source, std::uint32_t line, std::string_view key, std::string_view message);

template <class T>
[[noreturn]] void fail(const Source& source, const Located<T>& at, std::string_view message) {
    fail(source, at.line, at.key, message);
}

// `"value"` with backslash, quote and control characters escaped; other UTF-8 kept as is.
std::string quote(std::string_view value);

// Dotted key paths: child("slot[0]", "start") == "slot[0].start"; keys that are not bare
// TOML keys are quoted: child("daemon", "tên") == "daemon.\"tên\"".
std::string child(std::string_view parent, std::string_view key);
std::string indexed(std::string_view parent, std::size_t index);

// "a string", "an integer", ... for "expected X, got Y" messages.
std::string_view describe(toml::node_type type);

class TableReader {
public:
    // Throws ConfigError at the first key of `table` (in document order) that is not in `known`.
    TableReader(const Source& source, const toml::table& table, std::string path, std::vector<std::string_view> known);

    const Source& source() const { return *source_; }
    const std::string& path() const { return path_; }
    // Line of the table's header (or of its first key for tables without one).
    std::uint32_t line() const { return line_; }
    // Dotted path of one of this table's keys.
    std::string key(std::string_view name) const { return child(path_, name); }

    bool has(std::string_view name) const;

    std::optional<Located<std::string>> string(std::string_view name) const;
    // Present, a string and not empty; a missing key is reported at the table header.
    Located<std::string> required_string(std::string_view name) const;
    std::optional<Located<std::int64_t>> integer(std::string_view name) const;
    // An array whose elements are all strings; element keys are "name[i]".
    std::optional<std::vector<Located<std::string>>> strings(std::string_view name) const;
    // A sub-table ([daemon]); nullptr when absent.
    std::optional<Located<const toml::table*>> table(std::string_view name) const;
    // An array of tables ([[output]]); each element comes with key "name[i]".
    std::optional<std::vector<Located<const toml::table*>>> tables(std::string_view name) const;
    // The raw node with its place, for values of more than one type; nullopt when absent.
    std::optional<Located<const toml::node*>> node(std::string_view name) const;

    [[noreturn]] void fail_missing(std::string_view name) const;
    [[noreturn]] void fail_at_header(std::string_view name, std::string_view message) const;

private:
    const toml::node* find(std::string_view name) const;
    [[noreturn]] void fail_type(const Located<const toml::node*>& at, std::string_view expected) const;

    const Source* source_;
    const toml::table* table_;
    std::string path_;
    std::vector<std::string_view> known_;
    std::uint32_t line_ = 0;
};

}  // namespace lp::config::detail
