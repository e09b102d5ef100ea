#include "config/Schema.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>

#include <date/tz.h>

#include "config/AlarmSchema.hpp"
#include "config/LiveSchema.hpp"
#include "config/NetAddress.hpp"
#include "config/OutputSchema.hpp"
#include "config/TimeText.hpp"

namespace lp::config::detail {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

constexpr seconds max_slot_length = std::chrono::hours(24);
constexpr std::string_view duration_examples = R"((e.g. "90s", "15m", "1h30m"))";

constexpr std::array<std::string_view, 5> log_levels{"trace", "debug", "info", "warn", "error"};
constexpr std::array<std::string_view, 14> topics{"a", "b", "c", "d", "dd", "e", "g",
                                                  "h", "i", "k", "l", "m",  "n", "other"};
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
    if (auto grace = r.string("grace")) {
        const auto d = parse_duration(grace->value);
        if (!d) fail(r.source(), *grace, quote(grace->value) + " is not a duration " + std::string{duration_examples});
        if (*d > std::chrono::hours(24)) fail(r.source(), *grace, quote(grace->value) + " is longer than 24h");
        cfg.grace = *d;
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
    set("preparer_name", org.preparer_name);
    set("head_name", org.head_name);
    set("document_symbol", org.document_symbol);
    set("recipients", org.recipients);
}

int read_int_in(const TableReader& r, std::string_view key, int low, int high, int fallback) {
    const auto v = r.integer(key);
    if (!v) return fallback;
    if (v->value < low || v->value > high)
        fail(r.source(), *v,
             std::to_string(v->value) + " is out of range (" + std::to_string(low) + ".." + std::to_string(high) + ")");
    return static_cast<int>(v->value);
}

constexpr std::array<std::string_view, 4> report_formats{"xlsx", "pdf", "csv", "json"};

void read_reports(const TableReader& r, ReportsConfig& reports) {
    if (r.has("dir")) reports.dir = read_path(r, "dir", r.source().base_dir);
    if (r.has("signing_key")) reports.signing_key = read_path(r, "signing_key", r.source().base_dir);
    if (r.has("checkpoint_file")) reports.checkpoint_file = read_path(r, "checkpoint_file", r.source().base_dir);
    // Reports are due before the 8th of the period's last month.
    reports.day = static_cast<unsigned>(read_int_in(r, "day", 1, 7, static_cast<int>(reports.day)));
    if (auto formats = r.strings("formats")) {
        if (formats->empty()) fail(r.source(), *r.node("formats"), "lists no format (" + joined(report_formats) + ")");
        reports.formats.clear();
        for (const auto& f : *formats) {
            if (!one_of(report_formats, f.value))
                fail(r.source(), f, "unknown report format " + quote(f.value) + " (" + joined(report_formats) + ")");
            reports.formats.push_back(f.value);
        }
    }
}

void read_backup(const TableReader& r, BackupConfig& backup) {
    if (r.has("dir")) backup.dir = read_path(r, "dir", r.source().base_dir);
    if (auto t = r.string("time")) {
        const auto tod = parse_time_of_day(t->value);
        if (!tod) fail(r.source(), *t, quote(t->value) + " is not a time of day (HH:MM or HH:MM:SS)");
        backup.time_of_day = *tod;
    }
    backup.keep = read_int_in(r, "keep", 0, 3650, backup.keep);
}

double read_number(const TableReader& r, std::string_view key, double low, double high) {
    const auto n = r.node(key);
    double value = 0;
    if (const auto* i = n->value->as_integer())
        value = static_cast<double>(i->get());
    else if (const auto* f = n->value->as_floating_point())
        value = f->get();
    else
        fail(r.source(), *n, std::string{"expected a number, got "} + std::string{describe(n->value->type())});
    if (value < low || value > high)
        fail(r.source(), *n,
             std::to_string(value) + " is out of range (" + std::to_string(static_cast<int>(low)) + ".." +
                 std::to_string(static_cast<int>(high)) + ")");
    return value;
}

void read_audio(const TableReader& r, AudioConfig& audio) {
    if (const auto n = r.node("loudness_target")) {
        if (const auto* text = n->value->as_string()) {
            if (text->get() != "off")
                fail(r.source(), *n,
                     quote(text->get()) + R"( is not a loudness: give a number of LUFS (e.g. -16) or "off")");
            audio.loudness_target.reset();
        } else {
            audio.loudness_target = read_number(r, "loudness_target", -40, 0);
        }
    }
    audio.fade_ms = read_int_in(r, "fade_ms", 0, 1000, audio.fade_ms);
    audio.gap_ms = read_int_in(r, "gap_ms", 0, 60000, audio.gap_ms);
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
    if (!s)
        fail(r.source(), *n,
             std::string{"expected a string (\"HH:MM\" or \"+90s\"), got "} + std::string{describe(n->value->type())});
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
        if (outputs->empty()) fail(r.source(), *r.node("outputs"), "names no output (leave it out for all outputs)");
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
        slot.items.push_back(
            read_item(TableReader(r.source(), *t.value, t.key, {"file", "title", "topic", "form"}), cfg.media_dir));
    return slot;
}

bool read_bool(const TableReader& r, std::string_view key, bool fallback) {
    const auto n = r.node(key);
    if (!n) return fallback;
    const auto* b = n->value->as_boolean();
    if (!b) fail(r.source(), n->line, n->key, "expected true or false, got " + std::string{describe(n->value->type())});
    return b->get();
}

bool is_loopback(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host.starts_with("127.");
}

// "HOST:PORT" with an IPv4 address, a host name or a bracketed IPv6 address.
std::pair<std::string, int> read_listen(const TableReader& r, const Located<std::string>& listen,
                                        std::string_view example) {
    const std::string& v = listen.value;
    const auto colon = v.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == v.size())
        fail(r.source(), listen, quote(v) + " is not HOST:PORT (e.g. \"" + std::string(example) + "\")");
    const std::string host = v.substr(0, colon);
    const std::string port = v.substr(colon + 1);
    if (auto problem = host_problem(host)) fail(r.source(), listen, *problem);
    int p = 0;
    for (char c : port) {
        if (c < '0' || c > '9' || p > 65535) fail(r.source(), listen, quote(port) + " is not a port (1..65535)");
        p = p * 10 + (c - '0');
    }
    if (p < 1 || p > 65535) fail(r.source(), listen, quote(port) + " is not a port (1..65535)");
    return {host, p};
}

void read_http(const TableReader& r, HttpConfig& http) {
    http.enabled = read_bool(r, "enabled", http.enabled);
    std::optional<Located<std::string>> listen = r.string("listen");
    if (listen) std::tie(http.host, http.port) = read_listen(r, *listen, "127.0.0.1:8480");
    if (r.has("tls_cert")) http.tls_cert = read_path(r, "tls_cert", r.source().base_dir);
    if (r.has("tls_key")) http.tls_key = read_path(r, "tls_key", r.source().base_dir);
    if (http.tls_cert.empty() != http.tls_key.empty())
        fail(r.source(), r.line(), r.key(http.tls_cert.empty() ? "tls_cert" : "tls_key"),
             "tls_cert and tls_key go together (both or neither)");
    if (http.enabled && !is_loopback(http.host) && http.tls_cert.empty())
        fail(r.source(), listen->line, r.key("tls_cert"),
             "listening on " + quote(listen->value) +
                 " (not loopback) needs tls_cert and tls_key: passwords must not cross the LAN in clear");
    http.upload_limit_mb = read_int_in(r, "upload_limit_mb", 1, 4096, http.upload_limit_mb);
    if (r.has("assets_dir")) http.assets_dir = read_path(r, "assets_dir", r.source().base_dir);
    http.emergency_needs_approver = read_bool(r, "emergency_needs_approver", http.emergency_needs_approver);
    if (r.has("cli_token_file")) http.cli_token_file = read_path(r, "cli_token_file", r.source().base_dir);
}

// base_url goes into links, the feed and QR codes: an absolute http(s) address without
// characters that would need escaping there.
std::string read_base_url(const TableReader& r) {
    const auto url = r.string("base_url");
    if (!url)
        fail(r.source(), r.line(), r.key("base_url"),
             "is required: the address residents' phones open, used in the feed and QR codes (e.g. "
             "\"https://nghelai.anhai.vn\")");
    std::string v = url->value;
    const bool scheme = v.starts_with("http://") || v.starts_with("https://");
    const auto bad = std::find_if(v.begin(), v.end(), [](unsigned char c) {
        return c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '?' ||
               c == '#';
    });
    const auto host_start = v.find("://") == std::string::npos ? 0 : v.find("://") + 3;
    if (!scheme || bad != v.end() || host_start >= v.size() || v[host_start] == '/')
        fail(r.source(), *url,
             quote(v) +
                 " is not an http:// or https:// address without spaces, quotes, '?' or '#' (e.g. "
                 "\"https://nghelai.anhai.vn\")");
    while (v.ends_with('/')) v.pop_back();
    return v;
}

void read_public(const TableReader& r, const HttpConfig& http, PublicConfig& pub) {
    pub.enabled = read_bool(r, "enabled", true);
    const auto listen = r.string("listen");
    if (listen) std::tie(pub.host, pub.port) = read_listen(r, *listen, "0.0.0.0:8481");
    pub.weeks = read_int_in(r, "weeks", 1, 104, pub.weeks);
    pub.feedback_per_hour = read_int_in(r, "feedback_per_hour", 1, 100000, pub.feedback_per_hour);
    pub.base_url = read_base_url(r);
    if (pub.enabled && http.enabled && pub.port == http.port)
        fail(r.source(), listen ? listen->line : r.line(), r.key("listen"),
             "port " + std::to_string(pub.port) +
                 " is the operator's [http] port: the public side needs its own listener (e.g. \"0.0.0.0:8481\")");
}

}  // namespace

Config read_config(const toml::table& root, const Source& source) {
    Config cfg;
    const TableReader top(
        source, root, "",
        {"daemon", "organisation", "audio", "reports", "backup", "alarm", "live", "http", "public", "output", "slot"});

    if (auto t = top.table("daemon"))
        read_daemon(
            TableReader(source, *t->value, t->key, {"database", "media_dir", "time_zone", "log_level", "grace"}), cfg);
    cfg.database = resolve(source.base_dir, cfg.database);
    cfg.media_dir = resolve(source.base_dir, cfg.media_dir);

    if (auto t = top.table("organisation"))
        read_organisation(TableReader(source, *t->value, t->key,
                                      {"parent_body", "issuing_body", "place", "preparer_title", "head_title",
                                       "preparer_name", "head_name", "document_symbol", "recipients"}),
                          cfg.organisation);

    if (auto t = top.table("audio"))
        read_audio(TableReader(source, *t->value, t->key, {"loudness_target", "fade_ms", "gap_ms"}), cfg.audio);
    if (auto t = top.table("reports"))
        read_reports(
            TableReader(source, *t->value, t->key, {"dir", "day", "formats", "signing_key", "checkpoint_file"}),
            cfg.reports);
    cfg.reports.dir = resolve(source.base_dir, cfg.reports.dir);
    cfg.reports.signing_key = resolve(source.base_dir, cfg.reports.signing_key);
    cfg.reports.checkpoint_file = resolve(source.base_dir, cfg.reports.checkpoint_file);
    if (auto t = top.table("backup"))
        read_backup(TableReader(source, *t->value, t->key, {"dir", "time", "keep"}), cfg.backup);
    cfg.backup.dir = resolve(source.base_dir, cfg.backup.dir);
    if (auto t = top.table("alarm"))
        read_alarm(TableReader(source, *t->value, t->key, {"dead_air", "silence_dbfs"}), cfg.alarm);
    if (auto t = top.table("live"))
        read_live(TableReader(source, *t->value, t->key,
                              {"capture_device", "max_length", "open_timeout", "stall_timeout", "retry_interval"}),
                  cfg.live);
    if (auto t = top.table("http"))
        read_http(TableReader(source, *t->value, t->key,
                              {"enabled", "listen", "tls_cert", "tls_key", "upload_limit_mb", "assets_dir",
                               "emergency_needs_approver", "cli_token_file"}),
                  cfg.http);
    if (auto t = top.table("public"))
        read_public(
            TableReader(source, *t->value, t->key, {"enabled", "listen", "weeks", "base_url", "feedback_per_hour"}),
            cfg.http, cfg.publik);

    if (auto outputs = top.tables("output")) {
        for (const auto& t : *outputs) {
            const TableReader r(source, *t.value, t.key, output_keys());
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
