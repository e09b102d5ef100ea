#include "audio/live/LiveSource.hpp"

#include <pthread.h>

#include <algorithm>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"

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

}  // namespace lp::audio::live
