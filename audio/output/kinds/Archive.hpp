#pragma once

#include "audio/output/Kind.hpp"

namespace lp::audio::output::kinds {

// kind = "archive": one MP3 per local day in a folder (path), every programme appended;
// retention of keep_days days and a free-space floor of min_free_mb (output::ArchiveOutput).
class Archive final : public Kind {
public:
    std::string_view name() const override { return "archive"; }
    std::vector<std::string_view> keys() const override { return {"path", "keep_days", "min_free_mb"}; }
    std::vector<Codec> codecs() const override { return {Codec::mp3}; }
    void read(const Settings& settings, OutputSpec& spec) const override;
    Target target(const OutputSpec& spec, std::chrono::system_clock::time_point airing_start) const override;
    std::unique_ptr<Output> make(const OutputSpec& spec) const override;
    std::optional<std::filesystem::path> archive_folder(const OutputSpec& spec) const override { return spec.target; }
};

}  // namespace lp::audio::output::kinds
