#include "audio/output/kinds/Alsa.hpp"

#include "audio/output/kinds/AlsaOutput.hpp"

namespace lp::audio::output::kinds {

void Alsa::read(const Settings& settings, OutputSpec& spec) const {
    spec.target = settings.text("device").value_or("default");
}

std::unique_ptr<Output> Alsa::make(const OutputSpec& spec) const { return std::make_unique<AlsaOutput>(spec); }

}  // namespace lp::audio::output::kinds
