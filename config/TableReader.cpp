#include "config/TableReader.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "config/ConfigError.hpp"

namespace lp::config::detail {
namespace {

std::uint32_t line_of(const toml::node& node) { return node.source().begin.line; }

bool is_bare_key(std::string_view key) {
    if (key.empty()) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

}  // namespace

void fail(const Source& source, std::uint32_t line, std::string_view key, std::string_view message) {
    std::string text = source.name;
    text += ':';
    text += std::to_string(line);
    text += ": ";
    if (!key.empty()) {
        text += key;
        text += ": ";
    }
    text += message;
    throw ConfigError(text);
}

std::string quote(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(u));
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

std::string child(std::string_view parent, std::string_view key) {
    std::string out{parent};
    if (!out.empty()) out += '.';
    out += is_bare_key(key) ? std::string{key} : quote(key);
    return out;
}

std::string indexed(std::string_view parent, std::size_t index) {
    return std::string{parent} + "[" + std::to_string(index) + "]";
}

std::string_view describe(toml::node_type type) {
    switch (type) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a float";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

TableReader::TableReader(const Source& source, const toml::table& table, std::string path,
                         std::vector<std::string_view> known)
    : source_(&source), table_(&table), path_(std::move(path)), known_(std::move(known)) {
    line_ = table.source().begin.line;
    const auto key_line = [&](const toml::key& k) {
        return k.source().begin.line ? k.source().begin.line : line_of(*table.get(k.str()));
    };
    // Tables created implicitly (e.g. `[a.b]` creates `a`) carry no header: use the first key.
    std::uint32_t first_key_line = 0;
    const toml::key* unknown = nullptr;  // the first unknown key in document order
    for (const auto& [k, v] : table) {
        const std::uint32_t l = key_line(k);
        if (first_key_line == 0 || l < first_key_line) first_key_line = l;
        if (std::find(known_.begin(), known_.end(), k.str()) == known_.end() && (!unknown || l < key_line(*unknown)))
            unknown = &k;
    }
    if (line_ == 0) line_ = first_key_line;
    if (unknown) fail(source, key_line(*unknown), key(unknown->str()), "unknown key");
}

const toml::node* TableReader::find(std::string_view name) const {
    if (std::find(known_.begin(), known_.end(), name) == known_.end())
        throw std::logic_error("config schema reads undeclared key " + key(name));
    return table_->get(name);
}

bool TableReader::has(std::string_view name) const { return find(name) != nullptr; }

std::optional<Located<const toml::node*>> TableReader::node(std::string_view name) const {
    const toml::node* n = find(name);
    if (!n) return std::nullopt;
    return Located<const toml::node*>{n, line_of(*n), key(name)};
}

void TableReader::fail_type(const Located<const toml::node*>& at, std::string_view expected) const {
    std::string message = "expected ";
    message += expected;
    message += ", got ";
    message += describe(at.value->type());
    fail(*source_, at, message);
}

void TableReader::fail_missing(std::string_view name) const { fail_at_header(name, "missing required key"); }

void TableReader::fail_at_header(std::string_view name, std::string_view message) const {
    fail(*source_, line_, key(name), message);
}

std::optional<Located<std::string>> TableReader::string(std::string_view name) const {
    const auto n = node(name);
    if (!n) return std::nullopt;
    const auto* s = n->value->as_string();
    if (!s) fail_type(*n, "a string");
    return Located<std::string>{s->get(), n->line, n->key};
}

Located<std::string> TableReader::required_string(std::string_view name) const {
    auto s = string(name);
    if (!s) fail_missing(name);
    if (s->value.empty()) fail(*source_, *s, "must not be empty");
    return std::move(*s);
}

std::optional<Located<std::int64_t>> TableReader::integer(std::string_view name) const {
    const auto n = node(name);
    if (!n) return std::nullopt;
    const auto* i = n->value->as_integer();
    if (!i) fail_type(*n, "an integer");
    return Located<std::int64_t>{i->get(), n->line, n->key};
}

std::optional<std::vector<Located<std::string>>> TableReader::strings(std::string_view name) const {
    const auto n = node(name);
    if (!n) return std::nullopt;
    const auto* array = n->value->as_array();
    if (!array) fail_type(*n, "an array of strings");
    std::vector<Located<std::string>> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = *array->get(i);
        const Located<const toml::node*> at{&element, line_of(element), indexed(n->key, i)};
        const auto* s = element.as_string();
        if (!s) fail_type(at, "a string");
        out.push_back({s->get(), at.line, at.key});
    }
    return out;
}

std::optional<Located<const toml::table*>> TableReader::table(std::string_view name) const {
    const auto n = node(name);
    if (!n) return std::nullopt;
    const auto* t = n->value->as_table();
    if (!t) fail_type(*n, "a table ([" + n->key + "])");
    return Located<const toml::table*>{t, n->line, n->key};
}

std::optional<std::vector<Located<const toml::table*>>> TableReader::tables(std::string_view name) const {
    const auto n = node(name);
    if (!n) return std::nullopt;
    const auto* array = n->value->as_array();
    // "slot[0].item" -> "[[slot.item]]" as the admin would write the header.
    std::string header;
    for (std::size_t i = 0; i < n->key.size(); ++i) {
        if (n->key[i] != '[')
            header += n->key[i];
        else if ((i = n->key.find(']', i)) == std::string::npos)
            break;
    }
    const std::string expected = "an array of tables ([[" + header + "]])";
    if (!array) fail_type(*n, expected);
    std::vector<Located<const toml::table*>> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = *array->get(i);
        const Located<const toml::node*> at{&element, line_of(element), indexed(n->key, i)};
        const auto* t = element.as_table();
        if (!t) fail_type(at, "a table");
        out.push_back({t, at.line, at.key});
    }
    return out;
}

}  // namespace lp::config::detail
