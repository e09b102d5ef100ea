#include "audio/output/AsyncOutput.hpp"

#include <pthread.h>

#include <algorithm>
#include <system_error>

#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/output/Target.hpp"

namespace lp::audio::output {

namespace {

// Beyond the queued audio's own duration, how long the writer may take to finish it at close.
constexpr std::chrono::milliseconds drain_margin{500};
// The silent tail goes out in steps of this much audio.
constexpr std::chrono::milliseconds tail_step{20};

std::uint64_t to_frames(std::chrono::milliseconds duration, int sample_rate) {
    return static_cast<std::uint64_t>(std::max<std::int64_t>(duration.count(), 0)) *
           static_cast<std::uint64_t>(std::max(sample_rate, 0)) / 1000;
}

// "lp-out-<name>", cut to the 15 characters a thread name holds; shown by top and gdb.
void name_this_thread(const std::string& output) {
    const std::string name = ("lp-out-" + output).substr(0, 15);
    pthread_setname_np(pthread_self(), name.c_str());
}

}  // namespace

AsyncOutput::AsyncOutput(std::unique_ptr<Output> wrapped, std::chrono::milliseconds queue_limit,
                         std::chrono::milliseconds tail)
    : wrapped_(std::move(wrapped)),
      limit_frames_(to_frames(queue_limit, spec().format.sample_rate)),
      tail_frames_(to_frames(tail, spec().format.sample_rate)),
      silence_(tail_frames_ == 0 ? 0
                                 : to_frames(tail_step, spec().format.sample_rate) *
                                       static_cast<std::size_t>(std::max(spec().format.channels, 1))) {}

AsyncOutput::~AsyncOutput() {
    close();
    join_writer();
}

std::chrono::milliseconds AsyncOutput::duration(std::uint64_t frames) const {
    const auto rate = static_cast<std::uint64_t>(std::max(spec().format.sample_rate, 1));
    return std::chrono::milliseconds{static_cast<std::int64_t>(frames * 1000 / rate)};
}

std::uint64_t AsyncOutput::frames_in(std::span<const Sample> interleaved) const {
    return interleaved.size() / static_cast<std::size_t>(std::max(spec().format.channels, 1));
}

void AsyncOutput::join_writer() noexcept {
    if (writer_.joinable()) writer_.join();
}

void AsyncOutput::open() {
    close();
    {
        // The last programme's audio or tail is still going out on a healthy connection: it
        // carries on into this one. Back-to-back programmes (a one-off after a slot, an
        // emergency after a cut) keep the stream and its listeners, and nobody waits here.
        std::lock_guard lock{mutex_};
        if (writer_.joinable() && ending_ == Ending::drain && !delivered_ && !failure_) {
            ending_ = Ending::none;
            ++takeovers_;
            open_ = true;
            work_.notify_one();
            return;
        }
    }
    join_writer();  // a writer still finishing owns the wrapped output
    {
        std::lock_guard lock{mutex_};
        queue_.clear();
        queued_frames_ = 0;
        failure_.reset();
        ending_ = Ending::none;
        delivered_ = false;
    }
    if (airing_start_) wrapped_->set_airing_start(*airing_start_);
    wrapped_->open();
    try {
        writer_ = std::thread{[this] { run(); }};
    } catch (const std::system_error& e) {
        wrapped_->close();
        throw OutputError(describe(spec()) + ": cannot start its writer thread: " + e.what());
    }
    open_ = true;
}

void AsyncOutput::write(std::span<const Sample> interleaved) {
    if (!open_) throw OutputError(describe(spec()) + ": write() on a closed output");
    const auto frames = frames_in(interleaved);
    if (frames == 0) return;
    {
        std::lock_guard lock{mutex_};
        if (failure_) throw OutputError(*failure_);
        // An empty queue takes any chunk: a limit shorter than one chunk must not stall.
        if (!queue_.empty() && queued_frames_ + frames > limit_frames_) {
            failure_ = describe(spec()) + ": stalled: " + std::to_string(duration(queued_frames_).count()) +
                       " ms of audio queued";
            throw OutputError(*failure_);
        }
        queue_.push(interleaved);
        queued_frames_ += frames;
    }
    work_.notify_one();
}

void AsyncOutput::run() noexcept {
    name_this_thread(spec().name);
    std::unique_lock lock{mutex_};
    while (true) {
        work_.wait(lock, [&] { return !queue_.empty() || ending_ != Ending::none; });
        if (ending_ == Ending::cut) break;
        if (ending_ == Ending::drain && Steady::now() >= drain_deadline_) break;
        if (queue_.empty()) {                            // draining, and everything queued went out
            if (!failure_ && send_tail(lock)) continue;  // reopened during the tail
            break;
        }
        const auto chunk = queue_.front();  // stays valid while the caller queues more
        lock.unlock();
        auto error = write_wrapped(chunk);
        lock.lock();
        queue_.pop();
        queued_frames_ -= frames_in(chunk);
        if (error) {  // the wrapped output is broken: nothing more goes out
            if (!failure_) failure_ = std::move(error);
            break;
        }
    }
    delivered_ = true;
    const auto left = duration(queued_frames_);
    queue_.clear();  // cut, late or broken: what is left never goes out
    queued_frames_ = 0;
    const bool slow = ending_ == Ending::drain && !failure_ && left.count() > 0;
    lock.unlock();
    if (slow) {
        try {
            detail::logger("audio")->warn("{}: closed with {} ms of audio not sent (the peer is too slow)",
                                          describe(spec()), left.count());
        } catch (...) {  // logging must not stop the writer from closing; nothing else to do
        }
    }
    wrapped_->close();
}

std::optional<std::string> AsyncOutput::write_wrapped(std::span<const Sample> chunk) noexcept {
    try {
        wrapped_->write(chunk);
        return std::nullopt;
    } catch (const OutputError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return describe(spec()) + ": " + e.what();
    }
}

// In real time, a step at a time: icecast2 relays what its source sends as it comes, and
// drops what came in the last moments before the source disconnects. A tail sent at once
// would be dropped together with the audio before it (measured). Returns true when open()
// came during the tail: the connection stays and the writer goes on with the new programme.
bool AsyncOutput::send_tail(std::unique_lock<std::mutex>& lock) {
    const auto start = Steady::now();
    const auto step = frames_in(silence_);
    // A counter, not the ending itself: open(), write() and close() may all come before
    // this thread wakes, and the ending is back to `drain` by then.
    const auto taken_over = [&, before = takeovers_] { return takeovers_ != before; };
    for (std::uint64_t sent = 0; sent < tail_frames_;) {
        if (work_.wait_until(lock, start + duration(sent), [&] { return ending_ == Ending::cut || taken_over(); }))
            return taken_over();
        const auto frames = std::min(step, tail_frames_ - sent);
        lock.unlock();
        auto error =
            write_wrapped(std::span{silence_}.first(frames * static_cast<std::size_t>(spec().format.channels)));
        lock.lock();
        if (error) {
            failure_ = std::move(error);
            return false;
        }
        sent += frames;
    }
    return taken_over();
}

void AsyncOutput::close() noexcept {
    if (!open_) {
        if (!writer_.joinable()) wrapped_->close();  // opened by no one, or failed to open
        return;
    }
    open_ = false;
    std::lock_guard lock{mutex_};
    const bool failed = failure_.has_value();
    ending_ = Ending::drain;
    drain_deadline_ = Steady::now() + duration(queued_frames_ + (failed ? 0 : tail_frames_)) + drain_margin;
    work_.notify_one();
    // The caller (the player thread, which also feeds the loudspeakers) never waits for a
    // peer: the writer sends what is queued and the tail until the deadline, its current
    // write bounded by the wrapped output's I/O timeout, then closes the wrapped output by
    // itself. open() picks the connection up again if it comes first; otherwise open() and
    // the destructor wait for the writer.
}

}  // namespace lp::audio::output
