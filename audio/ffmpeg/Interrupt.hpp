#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

extern "C" {
#include <libavformat/avio.h>
}

namespace lp::audio::ffmpeg {

// The interrupt callback FFmpeg polls during blocking network I/O (connect, read, the HLS
// demuxer's nested opens): a call returns AVERROR_EXIT once the deadline armed last has
// passed or cancel() was called, so a source that stops answering never holds its thread
// longer than the timeout it was given. arm() and cancel() may be called from any thread.
class Interrupt {
public:
    using Steady = std::chrono::steady_clock;

    // The next blocking call must be done within `within` from now.
    void arm(std::chrono::milliseconds within) {
        deadline_.store((Steady::now() + within).time_since_epoch().count(), std::memory_order_relaxed);
    }
    // Aborts what blocks now and everything after.
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

    // For AVFormatContext::interrupt_callback; valid while this object lives.
    AVIOInterruptCB callback() { return AVIOInterruptCB{&Interrupt::poll, this}; }

private:
    static int poll(void* self);

    std::atomic<bool> cancelled_{false};
    std::atomic<Steady::rep> deadline_{Steady::time_point::max().time_since_epoch().count()};
};

}  // namespace lp::audio::ffmpeg
