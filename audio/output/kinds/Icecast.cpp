#include "audio/output/kinds/Icecast.hpp"

#include <algorithm>
#include <stdexcept>

namespace lp::audio::output::kinds {

namespace {
// Bounds every blocking network call, so that a dead peer cannot hold the writer for long;
// the output is then dropped and retried.
constexpr const char* network_timeout_us = "1000000";
}  // namespace

void Icecast::read(const Settings& settings, OutputSpec& spec) const {
    const auto server = settings.required("url", settings.http_server("url"));
    const auto password = settings.required("password", settings.text("password"));
    auto mount = settings.required("mount", settings.text("mount"));
    if (mount.front() != '/') mount = "/" + mount;
    // FFmpeg's icecast://source:PASS@host:port/mount
    spec.target = "icecast://source:" + password + "@" + server + mount;
    // For the listener sampler (reach/IcecastStats): the two admin keys go together.
    spec.options["server"] = server;
    spec.options["mount"] = mount;
    const auto user = settings.text("admin_user");
    const auto admin_password = settings.text("admin_password");
    constexpr std::string_view together = "admin_user and admin_password go together, for the listener counts";
    if (user && !admin_password) settings.missing("admin_password", together);
    if (admin_password && !user) settings.missing("admin_user", together);
    if (user) {
        spec.options["admin_user"] = *user;
        spec.options["admin_password"] = *admin_password;
    }
    spec.options["listeners_every"] = std::to_string(settings.integer("listeners_every", 1, 3600).value_or(10));
}

Target Icecast::target(const OutputSpec& spec, std::chrono::system_clock::time_point) const {
    require_target(spec);
    if (spec.codec == Codec::pcm) throw std::runtime_error("icecast needs codec mp3 or opus");
    Target t;
    t.format = muxer(spec.codec == Codec::mp3 ? "mp3" : "ogg");
    t.url = spec.target;
    t.encoded = true;
    t.network = true;
    t.io_options.set("content_type", spec.codec == Codec::mp3 ? "audio/mpeg" : "audio/ogg");
    t.io_options.set("ice_name", spec.name);
    t.io_options.set("rw_timeout", network_timeout_us);
    if (spec.codec == Codec::mp3) {
        t.muxer_options.set("id3v2_version", "0");
        t.muxer_options.set("write_xing", "0");
    } else {
        t.muxer_options.set("page_duration", "100000");  // µs: small pages, low latency
    }
    return t;
}

// Sent in real time before the source disconnects: icecast2 drops about 1.2 to 1.9 KB of
// stream it received last (measured: 120 ms of MP3 at 96 kbit/s, 465 ms at 32 kbit/s);
// without this tail the listeners miss the programme's last sound. At least 4 KiB of
// stream, and 500 ms.
std::chrono::milliseconds Icecast::tail(const OutputSpec& spec) const {
    const std::chrono::milliseconds four_kib{4096LL * 8 * 1000 / std::max(spec.bitrate, 1)};
    return std::max(std::chrono::milliseconds{500}, four_kib);
}

}  // namespace lp::audio::output::kinds
