#include "tests/support/Pcm.hpp"

#include <cmath>
#include <fstream>

namespace lp::test {

std::vector<short> read_s16(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return {};
    std::vector<char> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    std::vector<short> samples(bytes.size() / 2);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto lo = static_cast<unsigned char>(bytes[2 * i]);
        const auto hi = static_cast<unsigned char>(bytes[2 * i + 1]);
        samples[i] = static_cast<short>(static_cast<unsigned short>(lo | (hi << 8)));
    }
    return samples;
}

double rms(std::span<const short> interleaved, int channels, int channel) {
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < interleaved.size();
         i += static_cast<std::size_t>(channels)) {
        sum += static_cast<double>(interleaved[i]) * interleaved[i];
        ++count;
    }
    return count == 0 ? 0.0 : std::sqrt(sum / static_cast<double>(count));
}

double dominant_frequency(std::span<const short> interleaved, int sample_rate, int channels, int channel) {
    const auto step = static_cast<std::size_t>(channels);
    std::size_t first = 0, last = 0, crossings = 0;
    short previous = 0;
    bool have_previous = false;
    std::size_t frame = 0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < interleaved.size(); i += step, ++frame) {
        const short sample = interleaved[i];
        if (have_previous && previous < 0 && sample >= 0) {
            if (crossings == 0) first = frame;
            last = frame;
            ++crossings;
        }
        previous = sample;
        have_previous = true;
    }
    if (crossings < 2) return 0.0;
    return static_cast<double>(crossings - 1) * sample_rate / static_cast<double>(last - first);
}

}  // namespace lp::test
