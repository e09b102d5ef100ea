#include "http/Sniff.hpp"

#include <fstream>

namespace lp::http {

bool looks_like_audio(std::string_view h) {
    const auto u = [&](std::size_t i) { return static_cast<unsigned char>(h[i]); };
    if (h.starts_with("ID3") || h.starts_with("OggS") || h.starts_with("fLaC")) return true;
    if (h.size() >= 12 && h.starts_with("RIFF") && h.substr(8, 4) == "WAVE") return true;
    if (h.size() >= 8 && h.substr(4, 4) == "ftyp") return true;
    if (h.size() >= 4 && u(0) == 0x1A && u(1) == 0x45 && u(2) == 0xDF && u(3) == 0xA3) return true;
    // MPEG audio frame sync: 11 set bits, a valid version/layer and bitrate index.
    if (h.size() >= 3 && u(0) == 0xFF && (u(1) & 0xE0) == 0xE0 && (u(1) & 0x06) != 0 && (u(2) & 0xF0) != 0xF0)
        return true;
    return false;
}

bool file_looks_like_audio(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char buf[16] = {};
    in.read(buf, sizeof buf);
    return looks_like_audio(std::string_view(buf, static_cast<std::size_t>(in.gcount())));
}

}  // namespace lp::http
