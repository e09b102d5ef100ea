#include "audio/ffmpeg/Sha256.hpp"

#include <new>

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/sha.h>
}

namespace lp::audio::ffmpeg {

Sha256::Sha256() : sha_(av_sha_alloc()) {
    if (sha_ == nullptr) throw std::bad_alloc{};
    av_sha_init(sha_, 256);
}

Sha256::~Sha256() { av_free(sha_); }

void Sha256::update(std::span<const std::uint8_t> bytes) noexcept {
    // av_sha_update takes size_t since libavutil 57: no chunking needed.
    av_sha_update(sha_, bytes.data(), bytes.size());
}

std::string Sha256::hex_digest() {
    std::array<std::uint8_t, 32> digest{};
    av_sha_final(sha_, digest.data());
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(64);
    for (const auto b : digest) {
        text += hex[b >> 4];
        text += hex[b & 0x0f];
    }
    return text;
}

}  // namespace lp::audio::ffmpeg
