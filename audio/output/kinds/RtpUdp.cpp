#include "audio/output/kinds/RtpUdp.hpp"

#include <fstream>
#include <stdexcept>

#include "audio/ffmpeg/Error.hpp"

namespace lp::audio::output::kinds {

void HostStream::read(const Settings& settings, OutputSpec& spec) const {
    const auto host = settings.required("host", settings.host("host"));
    const auto port = settings.required("port", settings.integer("port", 1, 65535));
    spec.target = std::string{name()} + "://" + host + ":" + std::to_string(port);
    if (const auto ttl = settings.integer("ttl", 1, 255)) spec.target += "?ttl=" + std::to_string(*ttl);
}

void Rtp::read(const Settings& settings, OutputSpec& spec) const {
    HostStream::read(settings, spec);
    if (const auto sdp = settings.path("sdp")) spec.sdp_path = sdp->string();
}

Target Rtp::target(const OutputSpec& spec, std::chrono::system_clock::time_point) const {
    require_target(spec);
    if (spec.codec == Codec::mp3) throw std::runtime_error("rtp carries codec pcm or opus");
    Target t;
    t.format = muxer("rtp");
    t.url = spec.target;
    t.encoded = true;  // pcm is re-encoded as s16be
    t.network = true;
    if (!spec.sdp_path.empty())
        t.after_header = [path = spec.sdp_path](AVFormatContext* muxer) {
            char sdp[4096];
            AVFormatContext* contexts[] = {muxer};
            ffmpeg::check(av_sdp_create(contexts, 1, sdp, sizeof sdp), "av_sdp_create");
            std::ofstream out{path, std::ios::trunc};
            out << sdp;
            if (!out.flush()) throw std::runtime_error("cannot write " + path);
        };
    return t;
}

Target Udp::target(const OutputSpec& spec, std::chrono::system_clock::time_point) const {
    require_target(spec);
    if (spec.codec == Codec::mp3) throw std::runtime_error("udp carries codec pcm or opus");
    Target t;
    // PCM: the raw s16le stream (receivers are told rate and channels); Opus: MPEG-TS.
    t.format = muxer(spec.codec == Codec::pcm ? "s16le" : "mpegts");
    t.url = spec.target;
    t.encoded = spec.codec != Codec::pcm;
    t.network = true;
    return t;
}

}  // namespace lp::audio::output::kinds
