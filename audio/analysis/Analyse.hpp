#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "audio/analysis/Rejection.hpp"

namespace lp::audio {

// What one pass over a recording found out.
struct MediaFacts {
    std::string sha256;  // of the file's bytes, hex
    std::uint64_t size_bytes = 0;
    std::string container;  // FFmpeg's demuxer name, e.g. "mp3", "ogg", "mov,mp4,m4a,3gp,3g2,mj2"
    std::string codec;      // e.g. "mp3", "vorbis", "aac"
    int sample_rate = 0;    // of the decoded audio
    int channels = 0;
    std::int64_t bit_rate = 0;              // bits/s as declared, 0 when unknown
    std::chrono::milliseconds duration{0};  // of the audio actually decoded
    // EBU R128 integrated loudness; absent for a recording shorter than one 400 ms gating
    // block (a chime, a short jingle), for which it is undefined.
    std::optional<double> integrated_lufs;
    double true_peak_dbtp = -144.0;
    std::map<std::string, std::string> tags;  // container and stream tags, keys lower-case
};

struct AnalyseOptions {
    // An open file descriptor that receives an exact copy of the bytes hashed; -1 = none.
    int copy_fd = -1;
    // Called now and then with bytes read so far and the file's size.
    std::function<void(std::uint64_t done, std::uint64_t total)> progress{};
    // A recording counts as silent when its true peak is below `silence_peak_dbtp` (whatever
    // its length), or when its integrated loudness is defined and at or below
    // `silence_floor_lufs` (nothing in any 400 ms block above the absolute gate).
    double silence_peak_dbtp = -60.0;
    double silence_floor_lufs = -70.0;
};

// Probes, decodes every packet of the best audio stream once, measures EBU R128 loudness
// and true peak, and hashes (and copies) the file's bytes as FFmpeg reads them: one pass.
// Strict, because what is imported is evidence: any decoding error rejects the file with
// the offset where it happened. Throws Rejected; std::system_error when the copy cannot be
// written; ffmpeg::Error for failures that are not the file's fault (e.g. out of memory).
MediaFacts analyse(const std::filesystem::path& file, const AnalyseOptions& options = {});

}  // namespace lp::audio
