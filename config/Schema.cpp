#include "config/Schema.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include <date/tz.h>

#include "config/TimeText.hpp"

namespace lp::config::detail {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

constexpr seconds max_slot_length = std::chrono::hours(24);
constexpr std::string_view duration_examples = R"((e.g. "90s", "15m", "1h30m"))";

constexpr std::array<std::string_view, 5> log_levels{"trace", "debug", "info", "warn", "error"};
constexpr std::array<std::string_view, 14> topics{"a", "b", "c", "d", "dd", "e", "g", "h",
                                                  "i", "k", "l", "m", "n", "other"};
constexpr std::array<std::string_view, 8> forms{"tin",     "bai",       "phong_su", "phong_van",
                                                "toa_dam", "thong_bao", "am_nhac",  "other"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& list) {
    std::string out;
    for (std::string_view v : list) {
        if (v.empty()) continue;
        if (!out.empty()) out += ", ";
        out += v;
    }
    return out;
}

fs::path resolve(const fs::path& base, const fs::path& p) {
    return (p.is_absolute() ? p : base / p).lexically_normal();
}

fs::path read_path(const TableReader& r, std::string_view key, const fs::path& base) {
    const auto s = r.string(key);
    if (s->value.empty()) fail(r.source(), *s, "must not be empty");
    return resolve(base, s->value);
}

void read_daemon(const TableReader& r, Config& cfg) {
    const fs::path& base = r.source().base_dir;
    if (r.has("database")) cfg.database = read_path(r, "database", base);
    if (r.has("media_dir")) cfg.media_dir = read_path(r, "media_dir", base);
    if (auto tz = r.string("time_zone")) {
        try {
            (void)date::locate_zone(tz->value);
        } catch (const std::exception&) {
            fail(r.source(), *tz, "unknown time zone " + quote(tz->value) + " (not in the system tz database)");
        }
        cfg.time_zone = tz->value;
    }
    if (auto level = r.string("log_level")) {
        if (!one_of(log_levels, level->value))
            fail(r.source(), *level, "unknown log level " + quote(level->value) + " (" + joined(log_levels) + ")");
        cfg.log_level = level->value;
    }
}

void read_organisation(const TableReader& r, Organisation& org) {
    const auto set = [&](std::string_view key, std::string& field) {
        if (auto s = r.string(key)) field = s->value;
    };
    set("parent_body", org.parent_body);
    set("issuing_body", org.issuing_body);
    set("place", org.place);
    set("preparer_title", org.preparer_title);
    set("head_title", org.head_title);
}

int read_int_in(const TableReader& r, std::string_view key, int low, int high, int fallback) {
    const auto v = r.integer(key);
    if (!v) return fallback;
    if (v->value < low || v->value > high)
        fail(r.source(), *v,
             std::to_string(v->value) + " is out of range (" + std::to_string(low) + ".." + std::to_string(high) + ")");
    return static_cast<int>(v->value);
}

OutputConfig read_output(const TableReader& r) {
    OutputConfig out;
    out.name = r.required_string("name").value;
    const auto kind = r.required_string("kind");
    if (kind.value == "alsa") out.kind = OutputKind::alsa;
    else if (kind.value == "file") out.kind = OutputKind::file;
    else if (kind.value == "null") out.kind = OutputKind::null;
    else fail(r.source(), kind, "unknown output kind " + quote(kind.value) + " (alsa, file, null)");

    if (auto device = r.string("device")) {
        if (out.kind != OutputKind::alsa) fail(r.source(), *device, R"(only used by kind "alsa")");
        if (device->value.empty()) fail(r.source(), *device, "must not be empty");
        out.device = device->value;
    }
    if (r.has("path")) {
        if (out.kind != OutputKind::file) fail(r.source(), *r.node("path"), R"(only used by kind "file")");
        out.path = read_path(r, "path", r.source().base_dir);
    } else if (out.kind == OutputKind::file) {
        r.fail_at_header("path", R"(missing required key (kind "file" needs a path))");
    }
    out.sample_rate = read_int_in(r, "sample_rate", 8000, 192000, out.sample_rate);
    out.channels = read_int_in(r, "channels", 1, 8, out.channels);
    return out;
}

seconds read_length(const TableReader& r, std::string_view key, seconds fallback) {
    const auto s = r.string(key);
    if (!s) return fallback;
    const auto d = parse_duration(s->value);
    if (!d) fail(r.source(), *s, quote(s->value) + " is not a duration " + std::string{duration_examples});
    if (*d <= seconds::zero()) fail(r.source(), *s, quote(s->value) + " is zero; a slot needs a positive length");
    if (*d > max_slot_length) fail(r.source(), *s, quote(s->value) + " is longer than 24h");
    return *d;
}

void read_start(const TableReader& r, SlotConfig& slot) {
    const auto n = r.node("start");
    if (!n) r.fail_missing("start");
    if (const auto* t = n->value->as_time()) {  // TOML local time: start = 05:30:00
        const toml::time v = t->get();
        if (v.nanosecond != 0) fail(r.source(), *n, "fractional seconds are not supported");
        slot.start_of_day = seconds{v.hour * 3600 + v.minute * 60 + v.second};
        return;
    }
    const auto* s = n->value->as_string();
    if (!s) fail(r.source(), *n, std::string{"expected a string (\"HH:MM\" or \"+90s\"), got "} +
                                     std::string{describe(n->value->type())});
    const std::string& text = s->get();
    if (!text.empty() && text.front() == '+') {
        const auto d = parse_duration(std::string_view{text}.substr(1));
        if (!d) fail(r.source(), *n, quote(text) + R"( is not a relative start (e.g. "+90s", "+2m"))");
        if (*d > max_slot_length) fail(r.source(), *n, quote(text) + " is later than 24h after start");
        slot.relative_start = *d;
        return;
    }
    const auto tod = parse_time_of_day(text);
    if (!tod) fail(r.source(), *n, quote(text) + " is not a time of day (HH:MM or HH:MM:SS)");
    slot.start_of_day = *tod;
}

SlotItemConfig read_item(const TableReader& r, const fs::path& media_dir) {
    SlotItemConfig item;
    const auto file = r.required_string("file");
    item.file = resolve(media_dir, file.value);
    if (!item.file.has_filename()) fail(r.source(), file, quote(file.value) + " names a folder, not a file");
    if (auto title = r.string("title")) {
        if (title->value.empty()) fail(r.source(), *title, "must not be empty (leave it out to use the file name)");
        item.title = title->value;
    } else {
        item.title = fs::path{file.value}.stem().string();
    }
    if (auto topic = r.string("topic")) {
        if (!one_of(topics, topic->value))
            fail(r.source(), *topic, "unknown topic " + quote(topic->value) + " (" + joined(topics) + ")");
        item.topic = topic->value;
    }
    if (auto form = r.string("form")) {
        if (!one_of(forms, form->value))
            fail(r.source(), *form, "unknown form " + quote(form->value) + " (" + joined(forms) + ")");
        item.form = form->value;
    }
    return item;
}

SlotConfig read_slot(const TableReader& r, const Config& cfg) {
    SlotConfig slot;
    slot.name = r.required_string("name").value;

    if (auto days = r.strings("days")) {
        if (days->empty()) fail(r.source(), *r.node("days"), "lists no day (leave it out for every day)");
        std::set<unsigned> seen;
        for (const auto& d : *days) {
            const auto day = parse_weekday(d.value);
            if (!day) fail(r.source(), d, "unknown day " + quote(d.value) + " (mon..sun or t2..t7, cn)");
            seen.insert(*day);
        }
        slot.days.assign(seen.begin(), seen.end());
    }

    read_start(r, slot);
    slot.max_length = read_length(r, "max_length", slot.max_length);

    if (auto outputs = r.strings("outputs")) {
        if (outputs->empty())
            fail(r.source(), *r.node("outputs"), "names no output (leave it out for all outputs)");
        for (const auto& o : *outputs) {
            const bool defined = std::any_of(cfg.outputs.begin(), cfg.outputs.end(),
                                             [&](const OutputConfig& out) { return out.name == o.value; });
            if (!defined) fail(r.source(), o, "no output named " + quote(o.value) + " is defined");
            if (std::find(slot.outputs.begin(), slot.outputs.end(), o.value) != slot.outputs.end())
                fail(r.source(), o, "output " + quote(o.value) + " is listed twice");
            slot.outputs.push_back(o.value);
        }
    }

    const auto items = r.tables("item");
    if (!items || items->empty()) r.fail_at_header("item", "a slot needs at least one [[slot.item]]");
    for (const auto& t : *items)
        slot.items.push_back(read_item(TableReader(r.source(), *t.value, t.key, {"file", "title", "topic", "form"}),
                                       cfg.media_dir));
    return slot;
}

}  // namespace

Config read_config(const toml::table& root, const Source& source) {
    Config cfg;
    const TableReader top(source, root, "", {"daemon", "organisation", "output", "slot"});

    if (auto t = top.table("daemon"))
        read_daemon(TableReader(source, *t->value, t->key, {"database", "media_dir", "time_zone", "log_level"}), cfg);
    cfg.database = resolve(source.base_dir, cfg.database);
    cfg.media_dir = resolve(source.base_dir, cfg.media_dir);

    if (auto t = top.table("organisation"))
        read_organisation(TableReader(source, *t->value, t->key,
                                      {"parent_body", "issuing_body", "place", "preparer_title", "head_title"}),
                          cfg.organisation);

    if (auto outputs = top.tables("output")) {
        for (const auto& t : *outputs) {
            const TableReader r(source, *t.value, t.key, {"name", "kind", "device", "path", "sample_rate", "channels"});
            OutputConfig out = read_output(r);
            for (const auto& other : cfg.outputs)
                if (other.name == out.name) fail(source, *r.string("name"), "duplicate output name " + quote(out.name));
            cfg.outputs.push_back(std::move(out));
        }
    }

    if (auto slots = top.tables("slot")) {
        for (const auto& t : *slots) {
            const TableReader r(source, *t.value, t.key, {"name", "days", "start", "max_length", "outputs", "item"});
            SlotConfig slot = read_slot(r, cfg);
            for (const auto& other : cfg.slots)
                if (other.name == slot.name) fail(source, *r.string("name"), "duplicate slot name " + quote(slot.name));
            cfg.slots.push_back(std::move(slot));
        }
    }
    return cfg;
}

}  // namespace lp::config::detail
