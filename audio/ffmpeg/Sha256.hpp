#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>

struct AVSHA;

namespace lp::audio::ffmpeg {

// A running SHA-256 (libavutil av_sha; av_sha_alloc / av_free). Not copyable.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::span<const std::uint8_t> bytes) noexcept;
    // The digest as 64 lower-case hex digits. Call once; the object is spent afterwards.
    std::string hex_digest();

private:
    AVSHA* sha_;
};

}  // namespace lp::audio::ffmpeg
