#include "audio/output/Target.hpp"

#include <mutex>
#include <stdexcept>

#include <date/tz.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
}

namespace lp::audio::output {

namespace {

// Bounds every blocking network call, so that a dead peer cannot hold the player thread
// for long; the output is then dropped and retried.
constexpr const char* network_timeout_us = "1000000";

void register_devices() {
    static std::once_flag once;
    std::call_once(once, [] { avdevice_register_all(); });
}

const AVOutputFormat* muxer(const char* name) {
    const AVOutputFormat* format = av_guess_format(name, nullptr, nullptr);
    if (format == nullptr) throw std::runtime_error(std::string{"this FFmpeg has no "} + name + " muxer");
    return format;
}

std::string mask_password(std::string url) {
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) url.replace(colon + 1, at - colon - 1, "***");
    return url;
}

void require_target(const OutputSpec& spec) {
    if (spec.target.empty()) throw std::runtime_error("no target given");
}

}  // namespace

std::filesystem::path archive_file(const std::filesystem::path& folder, const std::string& time_zone,
                                   std::chrono::system_clock::time_point at) {
    const auto* zone = date::locate_zone(time_zone);
    const auto local = date::make_zoned(zone, std::chrono::floor<std::chrono::seconds>(at));
    return folder / (date::format("%Y-%m-%d", local) + ".mp3");
}

std::string describe(const OutputSpec& spec) {
    const std::string head = "output '" + spec.name + "' (" + std::string{audio::to_string(spec.kind)};
    if (spec.kind == OutputKind::null) return head + ")";
    return head + " '" + mask_password(spec.target) + "')";
}

Target resolve_target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) {
    Target t;
    switch (spec.kind) {
        case OutputKind::alsa:
            require_target(spec);
            register_devices();
            t.format = muxer("alsa");
            t.url = spec.target;
            break;
        case OutputKind::file:
            require_target(spec);
            t.format = av_guess_format(nullptr, spec.target.c_str(), nullptr);
            if (t.format == nullptr || avformat_query_codec(t.format, AV_CODEC_ID_PCM_S16LE, FF_COMPLIANCE_NORMAL) != 1)
                throw std::runtime_error("unsupported file extension (use .wav or .mka)");
            t.url = spec.target;
            break;
        case OutputKind::null:
            t.format = muxer("null");
            t.url = "-";
            break;
        case OutputKind::icecast:
            require_target(spec);
            if (spec.codec == Codec::pcm) throw std::runtime_error("icecast needs codec mp3 or opus");
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
            break;
        case OutputKind::rtp:
            require_target(spec);
            if (spec.codec == Codec::mp3) throw std::runtime_error("rtp carries codec pcm or opus");
            t.format = muxer("rtp");
            t.url = spec.target;
            t.encoded = true;  // pcm is re-encoded as s16be
            t.network = true;
            break;
        case OutputKind::udp:
            require_target(spec);
            if (spec.codec == Codec::mp3) throw std::runtime_error("udp carries codec pcm or opus");
            // PCM: the raw s16le stream (receivers are told rate and channels); Opus: MPEG-TS.
            t.format = muxer(spec.codec == Codec::pcm ? "s16le" : "mpegts");
            t.url = spec.target;
            t.encoded = spec.codec != Codec::pcm;
            t.network = true;
            break;
        case OutputKind::archive:
            require_target(spec);
            if (spec.codec != Codec::mp3) throw std::runtime_error("archive records codec mp3");
            // CBR MP3 without Xing or ID3 headers: every programme of the day is appended to the
            // same file and it stays one valid stream whose duration is size / bitrate.
            t.format = muxer("mp3");
            t.append_to = archive_file(spec.target, spec.time_zone, airing_start);
            t.url = t.append_to.string();
            t.encoded = true;
            t.muxer_options.set("id3v2_version", "0");
            t.muxer_options.set("write_xing", "0");
            break;
    }
    return t;
}

}  // namespace lp::audio::output

namespace lp::audio {

std::string_view to_string(OutputKind kind) {
    switch (kind) {
        case OutputKind::alsa: return "alsa";
        case OutputKind::file: return "file";
        case OutputKind::null: return "null";
        case OutputKind::icecast: return "icecast";
        case OutputKind::rtp: return "rtp";
        case OutputKind::udp: return "udp";
        case OutputKind::archive: return "archive";
    }
    return "?";
}

}  // namespace lp::audio
