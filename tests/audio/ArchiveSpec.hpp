#pragma once
#include <cstdint>
#include <filesystem>

#include "audio/Output.hpp"

namespace lp::audio::test {

// An archive output of 64 kb/s CBR MP3 into `folder`, with the kind's retention defaults unless given.
inline OutputSpec archive_spec(const std::filesystem::path& folder, int keep_days = 400,
                               std::uint64_t floor = std::uint64_t{500} * 1024 * 1024) {
    OutputSpec spec;
    spec.name = "luu";
    spec.kind = "archive";
    spec.target = folder.string();
    spec.format = {48000, 2};
    spec.codec = Codec::mp3;
    spec.bitrate = 64000;
    spec.keep_days = keep_days;
    spec.min_free_bytes = floor;
    return spec;
}

}  // namespace lp::audio::test
