#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "file": a recording of what airs, the container chosen by the extension (path).
class File final : public Kind {
public:
    std::string_view name() const override { return "file"; }
    std::vector<std::string_view> keys() const override { return {"path"}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    void prepare(const OutputSpec& spec) const override;  // makes the file's folder
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
};

}  // namespace lp::audio::output::kinds
