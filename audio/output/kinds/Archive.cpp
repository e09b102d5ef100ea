#include "audio/output/kinds/Archive.hpp"

#include <stdexcept>

#include "audio/output/ArchiveOutput.hpp"
#include "audio/output/MuxerOutput.hpp"

namespace lp::audio::output::kinds {

void Archive::read(const Settings& settings, OutputSpec& spec) const {
    spec.target = settings.required("path", settings.path("path")).string();
    spec.keep_days = settings.integer("keep_days", 1, 36500).value_or(spec.keep_days);
    if (const auto mb = settings.integer("min_free_mb", 0, 10'000'000))
        spec.min_free_bytes = static_cast<std::uint64_t>(*mb) * 1024 * 1024;
}

Target Archive::target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const {
    require_target(spec);
    if (spec.codec != Codec::mp3) throw std::runtime_error("archive records codec mp3");
    // CBR MP3 without Xing or ID3 headers: every programme of the day is appended to the same
    // file and it stays one valid stream whose duration is size / bitrate.
    Target t;
    t.format = muxer("mp3");
    t.append_to = archive_file(spec.target, spec.time_zone, airing_start);
    t.url = t.append_to.string();
    t.encoded = true;
    t.muxer_options.set("id3v2_version", "0");
    t.muxer_options.set("write_xing", "0");
    return t;
}

// The retention (keep_days, the free-space floor) around the day file's muxer.
std::unique_ptr<Output> Archive::make(const OutputSpec& spec) const {
    return std::make_unique<ArchiveOutput>(std::make_unique<MuxerOutput>(spec));
}

}  // namespace lp::audio::output::kinds
