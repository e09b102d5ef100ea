#include "config/OutputSchema.hpp"

#include <algorithm>
#include <array>

#include "audio/output/Registry.hpp"
#include "config/NetAddress.hpp"

namespace lp::config::detail {
namespace {

using audio::output::Kind;
using audio::output::Registry;

constexpr std::array<std::string_view, 4> common_keys{"name", "kind", "sample_rate", "channels"};
constexpr std::array<std::string_view, 2> codec_keys{"codec", "bitrate"};

bool uses(const Kind& kind, std::string_view key) {
    const auto keys = kind.keys();
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) return true;
    return !kind.codecs().empty() && std::find(codec_keys.begin(), codec_keys.end(), key) != codec_keys.end();
}

// `kind "a"`, `kinds "a" and "b"`, `kinds "a", "b" and "c"`: the kinds that use `key`.
std::string kinds_using(std::string_view key) {
    std::vector<std::string> names;
    for (const auto& kind : Registry::global().kinds())
        if (uses(*kind, key)) names.push_back(quote(kind->name()));
    std::string text = names.size() == 1 ? "kind " : "kinds ";
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

std::string kind_names() {
    std::string text;
    for (const auto& kind : Registry::global().kinds()) text += (text.empty() ? "" : ", ") + std::string{kind->name()};
    return text;
}

std::string range_problem(std::int64_t value, int low, int high) {
    return std::to_string(value) + " is out of range (" + std::to_string(low) + ".." + std::to_string(high) + ")";
}

int integer_in(const TableReader& r, std::string_view key, int low, int high, int fallback) {
    const auto v = r.integer(key);
    if (!v) return fallback;
    if (v->value < low || v->value > high) fail(r.source(), *v, range_problem(v->value, low, high));
    return static_cast<int>(v->value);
}

// The kind's view of its table.
class TableSettings final : public audio::output::Settings {
public:
    TableSettings(const TableReader& r, std::string_view kind) : r_(r), kind_(kind) {}

    std::optional<std::string> text(std::string_view key) const override {
        const auto s = r_.string(key);
        if (!s) return std::nullopt;
        if (s->value.empty()) fail(r_.source(), *s, "must not be empty");
        return s->value;
    }
    std::optional<int> integer(std::string_view key, int low, int high) const override {
        if (!r_.has(key)) return std::nullopt;
        return integer_in(r_, key, low, high, 0);
    }
    std::optional<std::filesystem::path> path(std::string_view key) const override {
        const auto s = text(key);
        if (!s) return std::nullopt;
        const std::filesystem::path p{*s};
        return (p.is_absolute() ? p : r_.source().base_dir / p).lexically_normal();
    }
    std::optional<std::string> host(std::string_view key) const override {
        auto h = text(key);
        if (h)
            if (auto problem = host_problem(*h)) fail(r_.source(), *r_.string(key), *problem);
        return h;
    }
    std::optional<std::string> http_server(std::string_view key) const override {
        const auto url = text(key);
        if (!url) return std::nullopt;
        const auto parsed = parse_http_server(*url);
        if (!parsed.server) fail(r_.source(), *r_.string(key), parsed.problem);
        return parsed.server->host + ":" + std::to_string(parsed.server->port);
    }
    [[noreturn]] void missing(std::string_view key) const override {
        missing(key, "kind " + quote(kind_) + " needs it");
    }
    [[noreturn]] void missing(std::string_view key, std::string_view because) const override {
        r_.fail_at_header(key, "missing required key (" + std::string{because} + ")");
    }

private:
    const TableReader& r_;
    std::string_view kind_;
};

void read_codec(const TableReader& r, const Kind& kind, OutputConfig& out) {
    const auto codecs = kind.codecs();
    if (codecs.empty()) return;
    out.codec = codecs.front();
    if (const auto c = r.string("codec")) {
        std::string names;
        bool found = false;
        for (const auto codec : codecs) {
            names += (names.empty() ? "" : ", ") + std::string{audio::to_string(codec)};
            if (audio::to_string(codec) == c->value) {
                out.codec = codec;
                found = true;
            }
        }
        if (!found)
            fail(r.source(), *c,
                 "codec " + quote(c->value) + " is not available for kind " + quote(kind.name()) + " (" + names + ")");
    }
    out.bitrate = integer_in(r, "bitrate", 16, 320, out.bitrate / 1000) * 1000;
}

}  // namespace

std::vector<std::string_view> output_keys() {
    std::vector<std::string_view> keys(common_keys.begin(), common_keys.end());
    const auto add = [&](std::string_view key) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    };
    for (const auto& kind : Registry::global().kinds()) {
        for (const auto key : kind->keys()) add(key);
        if (!kind->codecs().empty())
            for (const auto key : codec_keys) add(key);
    }
    return keys;
}

OutputConfig read_output(const TableReader& r) {
    OutputConfig out;
    out.name = r.required_string("name").value;
    const auto kind_name = r.required_string("kind");
    const Kind* kind = Registry::global().find(kind_name.value);
    if (kind == nullptr)
        fail(r.source(), kind_name, "unknown output kind " + quote(kind_name.value) + " (" + kind_names() + ")");
    out.kind = kind_name.value;
    for (const auto key : output_keys()) {
        if (std::find(common_keys.begin(), common_keys.end(), key) != common_keys.end()) continue;
        if (r.has(key) && !uses(*kind, key)) fail(r.source(), *r.node(key), "only used by " + kinds_using(key));
    }
    kind->read(TableSettings{r, kind->name()}, out);
    read_codec(r, *kind, out);
    out.format.sample_rate = integer_in(r, "sample_rate", 8000, 192000, out.format.sample_rate);
    out.format.channels = integer_in(r, "channels", 1, 8, out.format.channels);
    return out;
}

}  // namespace lp::config::detail
