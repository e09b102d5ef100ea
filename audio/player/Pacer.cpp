#include "audio/player/Pacer.hpp"

namespace lp::audio::player {

Pacer::Pacer(int sample_rate, Steady::time_point t0, std::chrono::milliseconds lead, std::chrono::milliseconds resync)
    : rate_(sample_rate), t0_(t0), lead_(lead), resync_(resync) {}

Pacer::Steady::time_point Pacer::end_time(std::uint64_t frames) const {
    // Whole seconds and remainder separately: no overflow, no accumulated rounding.
    const auto rate = static_cast<std::uint64_t>(rate_);
    const auto seconds = std::chrono::seconds{static_cast<std::int64_t>(frames / rate)};
    const auto rest = std::chrono::nanoseconds{static_cast<std::int64_t>((frames % rate) * 1'000'000'000ULL / rate)};
    return t0_ + seconds + rest;
}

Pacer::Steady::time_point Pacer::write_time(std::uint64_t frames) {
    const auto due = end_time(frames);
    const auto now = Steady::now();
    if (now - due > resync_) t0_ += now - due;  // stalled: restart the timeline from now
    return end_time(frames) - lead_;
}

}  // namespace lp::audio::player
