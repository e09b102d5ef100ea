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
    : spec_(std::move(spec)),
      format_(format),
      options_(options),
      log_(detail::logger("audio")),
      ring_(std::max<std::size_t>(frames_in(options_.buffer * 4, format_), frames_in(read_size * 2, format_)) *
            static_cast<std::size_t>(format_.channels)) {
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
    const std::size_t count = std::min(out.size() / channels * channels, filled_);
    const std::size_t first = std::min(count, ring_.size() - head_);
    std::copy_n(ring_.begin() + static_cast<std::ptrdiff_t>(head_), first, out.begin());
    std::copy_n(ring_.begin(), count - first, out.begin() + static_cast<std::ptrdiff_t>(first));
    head_ = (head_ + count) % ring_.size();
    filled_ -= count;
    return count / channels;
}

std::size_t LiveSource::buffered() const {
    std::lock_guard lock{mutex_};
    return filled_ / static_cast<std::size_t>(format_.channels);
}

std::size_t LiveSource::drop_oldest(std::size_t keep) {
    const auto channels = static_cast<std::size_t>(format_.channels);
    std::lock_guard lock{mutex_};
    const std::size_t keep_samples = std::min(keep * channels, filled_);
    const std::size_t dropped = filled_ - keep_samples;
    head_ = (head_ + dropped) % ring_.size();
    filled_ = keep_samples;
    return dropped / channels;
}

bool LiveSource::is_capture() const { return capture_device(spec_.url).has_value(); }

std::string LiveSource::last_error() const {
    std::lock_guard lock{mutex_};
    return last_error_;
}

void LiveSource::push(std::span<const float> samples) {
    std::lock_guard lock{mutex_};
    const std::size_t capacity = ring_.size();
    // Nobody takes: stay near live, keeping the newest.
    if (samples.size() > capacity) samples = samples.last(capacity);
    const std::size_t overflow = filled_ + samples.size() > capacity ? filled_ + samples.size() - capacity : 0;
    head_ = (head_ + overflow) % capacity;
    filled_ -= overflow;
    const std::size_t tail = (head_ + filled_) % capacity;
    const std::size_t first = std::min(samples.size(), capacity - tail);
    std::copy_n(samples.begin(), first, ring_.begin() + static_cast<std::ptrdiff_t>(tail));
    std::copy_n(samples.begin() + static_cast<std::ptrdiff_t>(first), samples.size() - first, ring_.begin());
    filled_ += samples.size();
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
