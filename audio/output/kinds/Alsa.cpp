#include "audio/output/kinds/Alsa.hpp"

namespace lp::audio::output::kinds {

void Alsa::read(const Settings& settings, OutputSpec& spec) const {
    spec.target = settings.text("device").value_or("default");
}

Target Alsa::target(const OutputSpec& spec, std::chrono::system_clock::time_point) const {
    require_target(spec);
    register_devices();
    Target t;
    t.format = muxer("alsa");
    t.url = spec.target;
    return t;
}

}  // namespace lp::audio::output::kinds
