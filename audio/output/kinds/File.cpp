#include "audio/output/kinds/File.hpp"

#include <stdexcept>

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace lp::audio::output::kinds {

void File::read(const Settings& settings, OutputSpec& spec) const {
    spec.target = settings.required("path", settings.path("path")).string();
}

void File::prepare(const OutputSpec& spec) const {
    const std::filesystem::path file{spec.target};
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
}

Target File::target(const OutputSpec& spec, std::chrono::system_clock::time_point) const {
    require_target(spec);
    Target t;
    t.format = av_guess_format(nullptr, spec.target.c_str(), nullptr);
    if (t.format == nullptr || avformat_query_codec(t.format, AV_CODEC_ID_PCM_S16LE, FF_COMPLIANCE_NORMAL) != 1)
        throw std::runtime_error("unsupported file extension (use .wav or .mka)");
    t.url = spec.target;
    return t;
}

}  // namespace lp::audio::output::kinds
