#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace lp::test {

struct AudioOptions {
    double frequency = 440.0;  // Hz, a pure sine
    int sample_rate = 48000;   // of the generated signal (the codec may pick the nearest it has)
    int channels = 1;
    std::string extra_args;  // more ffmpeg output options, e.g. "-b:a 64k"
};

// Writes `seconds` of a sine tone to `path` with the ffmpeg CLI (lavfi "sine"); the codec
// follows the extension: .mp3 (libmp3lame), .m4a (aac), .ogg (libvorbis), .opus (libopus),
// .flac, .wav (pcm_s16le), anything else as ffmpeg guesses. Throws std::runtime_error with
// ffmpeg's output when it fails.
void make_audio(const std::filesystem::path& path, double seconds, const AudioOptions& options = {});

// Decodes any file with the ffmpeg CLI to interleaved s16 at `sample_rate`/`channels`
// (independent of loaphuong's Decoder, to check what an output wrote). Throws on failure.
std::vector<short> decode_with_ffmpeg(const std::filesystem::path& path, int sample_rate, int channels);

}  // namespace lp::test
