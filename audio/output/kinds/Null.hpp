#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "null": discards (FFmpeg's null muxer), for tests and dry runs.
class Null final : public Kind {
public:
    std::string_view name() const override { return "null"; }
    std::vector<std::string_view> keys() const override { return {}; }
    void read(const Settings&, OutputSpec&) const override {}
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
};

}  // namespace lp::audio::output::kinds
