#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "alsa": a sound card through libasound (device = ALSA PCM name), written by its
// own Output (AlsaOutput), not an FFmpeg muxer.
class Alsa final : public Kind {
public:
    std::string_view name() const override { return "alsa"; }
    std::vector<std::string_view> keys() const override { return {"device"}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    std::unique_ptr<Output> make(const OutputSpec& spec) const override;
};

}  // namespace lp::audio::output::kinds
