#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "alsa": a sound card through libavdevice (device = ALSA PCM name).
class Alsa final : public Kind {
public:
    std::string_view name() const override { return "alsa"; }
    std::vector<std::string_view> keys() const override { return {"device"}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
};

}  // namespace lp::audio::output::kinds
