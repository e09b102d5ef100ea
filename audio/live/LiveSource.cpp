#include "audio/live/LiveSource.hpp"

#include <pthread.h>

#include <algorithm>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/live/AlsaCapture.hpp"

namespace lp::audio::live {
namespace {

// Decoded per read: small, so that the buffer fills steadily rather than in long gulps.
constexpr std::chrono::milliseconds read_size{20};

std::size_t frames_in(std::chrono::milliseconds d, const PcmFormat& f) {
    return static_cast<std::size_t>(f.sample_rate) * static_cast<std::size_t>(d.count()) / 1000;
}

}  // namespace

LiveSource::LiveSource(LiveSpec spec, PcmFormat format, LiveOptions options)
    : spec_(std::move(spec)), format_(format), options_(options), log_(detail::logger("audio")) {
    thread_ = std::thread{[this] { run(); }};
}

LiveSource::~LiveSource() {
    {
        std::lock_guard lock{mutex_};
        quit_ = true;
    }
    interrupt_.cancel();
    wake_.notify_all();
    thread_.join();
}

std::size_t LiveSource::take(std::span<float> out) {
    const auto channels = static_cast<std::size_t>(format_.channels);
    std::lock_guard lock{mutex_};
    const std::size_t count = std::min(out.size() / channels * channels, ring_.size() - head_);
    std::copy_n(ring_.begin() + static_cast<std::ptrdiff_t>(head_), count, out.begin());
    head_ += count;
    if (head_ * 2 > ring_.size()) {  // keep the copy amortised: compact once half is taken
        ring_.erase(ring_.begin(), ring_.begin() + static_cast<std::ptrdiff_t>(head_));
        head_ = 0;
    }
    return count / channels;
}

std::size_t LiveSource::buffered() const {
    std::lock_guard lock{mutex_};
    return (ring_.size() - head_) / static_cast<std::size_t>(format_.channels);
}

std::string LiveSource::last_error() const {
    std::lock_guard lock{mutex_};
    return last_error_;
}

void LiveSource::push(std::span<const float> samples) {
    const auto keep = frames_in(options_.buffer * 4, format_) * static_cast<std::size_t>(format_.channels);
    std::lock_guard lock{mutex_};
    ring_.insert(ring_.end(), samples.begin(), samples.end());
    if (ring_.size() - head_ > keep) head_ = ring_.size() - keep;  // nobody takes: stay near live
}

bool LiveSource::pause(std::chrono::milliseconds interval) {
    std::unique_lock lock{mutex_};
    return !wake_.wait_for(lock, interval, [&] { return quit_; });
}

void LiveSource::run() {
    pthread_setname_np(pthread_self(), "lp-live");
    do {
        std::string why;
        try {
            receive();
        } catch (const MediaError& e) {
            why = e.what();
        } catch (const std::exception& e) {  // a bug or out of memory: still only this source
            why = spec_.url + ": " + e.what();
        }
        if (interrupt_.cancelled()) return;
        log_->warn("live source {} is down, retrying in {} ms: {}", spec_.url, options_.retry_interval.count(), why);
        std::lock_guard lock{mutex_};
        last_error_ = std::move(why);
    } while (pause(options_.retry_interval));
}

// Receives until the source fails; throws MediaError with why.
void LiveSource::receive() {
    if (const auto device = capture_device(spec_.url)) return capture(*device);
    interrupt_.arm(options_.open_timeout);
    Decoder decoder{spec_.url, format_, interrupt_, spec_.format};
    log_->info("live source {} open", spec_.url);
    std::vector<float> chunk(frames_in(read_size, format_) * static_cast<std::size_t>(format_.channels));
    while (!interrupt_.cancelled()) {
        interrupt_.arm(options_.stall_timeout);
        const std::size_t frames = decoder.read(chunk);
        if (frames == 0) throw MediaError(FailureKind::source_dropouts, spec_.url + ": the stream ended");
        push({chunk.data(), frames * static_cast<std::size_t>(format_.channels)});
    }
}

// Reads the capture device no faster than real time: a sound card paces itself, but a PCM that
// does not (ALSA's null and file plugins, a test's) would otherwise be drained at once. A
// card whose clock runs ahead fills its own buffer until an overrun, recovered in read().
void LiveSource::capture(const std::string& device) {
    AlsaCapture pcm{device, format_};
    log_->info("live source {} open", spec_.url);
    const auto channels = static_cast<std::size_t>(format_.channels);
    const auto chunk_frames = frames_in(read_size, format_);
    std::vector<float> chunk(chunk_frames * channels);
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t frames = 0;  // read since the start
    auto heard = start;
    while (!interrupt_.cancelled()) {
        const auto now = std::chrono::steady_clock::now();
        const auto due =
            static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(now - start).count() *
                                       format_.sample_rate / 1'000'000);
        if (due < frames + chunk_frames) {
            if (!pause(read_size)) return;
            continue;
        }
        const std::size_t got = pcm.read(chunk, read_size * 5);
        if (got > 0) {
            push({chunk.data(), got * channels});
            frames += got;
            heard = now;
        } else if (now - heard > options_.stall_timeout) {
            throw MediaError(FailureKind::source_dropouts, spec_.url + ": no audio from the capture device for " +
                                                               std::to_string(options_.stall_timeout.count()) + " ms");
        }
    }
}

}  // namespace lp::audio::live
