#pragma once
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "audio/PcmFormat.hpp"
#include "audio/Player.hpp"
#include "audio/ffmpeg/Interrupt.hpp"
#include "audio/live/LiveOptions.hpp"

namespace spdlog {
class logger;
}

namespace lp::audio::live {

// A live stream received on a thread of its own ("lp-live"): it opens the source at once,
// decodes it to `format` into a bounded buffer, and when the source fails to open, stalls
// (stall_timeout) or ends, says why and tries again every retry_interval until destroyed.
// An "alsa:DEVICE" source is read from that ALSA capture device (AlsaCapture), the rest
// through FFmpeg.
// The player only takes what has arrived: nothing it calls blocks on the network.
class LiveSource {
public:
    LiveSource(LiveSpec spec, PcmFormat format, LiveOptions options);
    ~LiveSource();  // aborts what blocks (the interrupt callback) and joins
    LiveSource(const LiveSource&) = delete;
    LiveSource& operator=(const LiveSource&) = delete;

    // Moves up to out.size() / channels frames of received audio into `out`; returns how many.
    std::size_t take(std::span<float> out);
    // Frames received and not yet taken.
    std::size_t buffered() const;
    // Discards the oldest frames received so that at most `keep` remain; returns how many went.
    std::size_t drop_oldest(std::size_t keep);
    // An ALSA capture device (a microphone or a mixer in the room), not a stream.
    bool is_capture() const;
    // Why the source was last down (FFmpeg's text naming the URL); empty while it never was.
    std::string last_error() const;
    const LiveSpec& spec() const { return spec_; }
    PcmFormat format() const { return format_; }

private:
    void run();
    void receive();
    void capture(const std::string& device);
    void push(std::span<const float> samples);
    bool pause(std::chrono::milliseconds interval);

    LiveSpec spec_;
    PcmFormat format_;
    LiveOptions options_;
    std::shared_ptr<spdlog::logger> log_;
    ffmpeg::Interrupt interrupt_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    // guarded: the received samples, ring_.size() at most (the newest kept), oldest at
    // ring_[head_], wrapping; a fixed ring, so that neither side shifts or allocates.
    std::vector<float> ring_;
    std::size_t head_ = 0;    // guarded
    std::size_t filled_ = 0;  // guarded
    std::string last_error_;  // guarded
    bool quit_ = false;       // guarded
    std::thread thread_;
};

}  // namespace lp::audio::live
