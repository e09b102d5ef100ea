#include "audio/output/Target.hpp"

#include <stdexcept>

#include <date/tz.h>

#include "audio/output/Registry.hpp"

namespace lp::audio::output {

namespace {

std::string mask_password(std::string url) {
    const auto scheme = url.find("://");
    const auto at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) url.replace(colon + 1, at - colon - 1, "***");
    return url;
}

}  // namespace

const AVOutputFormat* muxer(const char* name) {
    const AVOutputFormat* format = av_guess_format(name, nullptr, nullptr);
    if (format == nullptr) throw std::runtime_error(std::string{"this FFmpeg has no "} + name + " muxer");
    return format;
}

void require_target(const OutputSpec& spec) {
    if (spec.target.empty()) throw std::runtime_error("no target given");
}

std::filesystem::path archive_file(const std::filesystem::path& folder, const std::string& time_zone,
                                   std::chrono::system_clock::time_point at) {
    const auto* zone = date::locate_zone(time_zone);
    const auto local = date::make_zoned(zone, std::chrono::floor<std::chrono::seconds>(at));
    return folder / (date::format("%Y-%m-%d", local) + ".mp3");
}

std::string describe(const OutputSpec& spec) {
    const std::string head = "output '" + spec.name + "' (" + spec.kind;
    if (spec.target.empty()) return head + ")";
    return head + " '" + mask_password(spec.target) + "')";
}

Target resolve_target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) {
    return kind_of(spec).target(spec, airing_start);
}

}  // namespace lp::audio::output
