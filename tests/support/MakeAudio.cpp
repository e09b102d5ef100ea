#include "tests/support/MakeAudio.hpp"

#include <fstream>
#include <map>
#include <stdexcept>

#include "tests/support/Command.hpp"
#include "tests/support/Pcm.hpp"
#include "tests/support/TempDir.hpp"

namespace lp::test {

namespace {
std::string codec_for(const std::filesystem::path& path) {
    static const std::map<std::string, std::string> codecs{
        {".mp3", "libmp3lame"}, {".m4a", "aac"},   {".aac", "aac"},      {".ogg", "libvorbis"},
        {".opus", "libopus"},   {".flac", "flac"}, {".wav", "pcm_s16le"}};
    const auto it = codecs.find(path.extension().string());
    return it == codecs.end() ? std::string{} : "-c:a " + it->second;
}
}  // namespace

void make_audio(const std::filesystem::path& path, double seconds, const AudioOptions& options) {
    const std::string source = "sine=frequency=" + std::to_string(options.frequency) +
                               ":sample_rate=" + std::to_string(options.sample_rate) +
                               ":duration=" + std::to_string(seconds);
    const std::string command = "ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i " + shell_quote(source) +
                                " -ac " + std::to_string(options.channels) + " " + codec_for(path) + " " +
                                options.extra_args + " " + shell_quote(path.string());
    const auto result = run_command(command);
    if (result.exit_code != 0) throw std::runtime_error("make_audio failed: " + command + "\n" + result.output);
}

std::vector<short> decode_with_ffmpeg(const std::filesystem::path& path, int sample_rate, int channels) {
    TempDir dir;
    const auto raw = dir / "decoded.raw";
    const std::string command = "ffmpeg -nostdin -hide_banner -loglevel error -y -i " + shell_quote(path.string()) +
                                " -f s16le -acodec pcm_s16le -ar " + std::to_string(sample_rate) + " -ac " +
                                std::to_string(channels) + " " + shell_quote(raw.string());
    const auto result = run_command(command);
    if (result.exit_code != 0) throw std::runtime_error("decode_with_ffmpeg failed: " + command + "\n" + result.output);
    return read_s16(raw);
}

}  // namespace lp::test
