#include "audio/FfmpegPlayer.hpp"

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/player/OutputSet.hpp"
#include "audio/player/Pacer.hpp"

namespace lp::audio {

namespace {

constexpr std::size_t chunk_frames = 1024;
constexpr std::chrono::milliseconds open_ahead{200};
using Steady = std::chrono::steady_clock;

std::chrono::microseconds frames_to_us(std::uint64_t frames, int rate) {
    return std::chrono::microseconds{
        static_cast<std::int64_t>(frames * 1'000'000ULL / static_cast<std::uint64_t>(rate))};
}

void set_thread_properties(spdlog::logger& log) {
    pthread_setname_np(pthread_self(), "lp-player");
    sched_param param{};
    param.sched_priority = 10;
    if (const int err = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param); err != 0)
        log.debug("lp-player runs without SCHED_FIFO: {}", std::strerror(err));
}

}  // namespace

struct FfmpegPlayer::Impl {
    std::vector<OutputSpec> outputs;
    PlayerEvents& events;
    PlayerOptions options;
    std::shared_ptr<spdlog::logger> log = detail::logger("audio");

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Programme> queue;        // guarded by mutex
    std::vector<std::string> dropped;   // ids dropped by stop(), to report; guarded by mutex
    bool quit = false;                  // guarded by mutex
    std::atomic<std::uint64_t> stops{0};  // bumped by stop(): cuts what plays now
    std::thread thread;

    Impl(std::vector<OutputSpec> specs, PlayerEvents& ev, PlayerOptions opts)
        : outputs(std::move(specs)), events(ev), options(opts) {}

    // The state of the programme being played.
    struct Run {
        const Programme& programme;
        std::uint64_t generation;
        std::optional<player::Pacer> pacer;
        std::uint64_t frames = 0;  // written since the programme's first sample
    };

    bool cancelled(const Run& run) const { return stops.load() != run.generation; }

    // Waits until `deadline` or a stop. Returns false when stopped.
    bool wait_until(const Run& run, Steady::time_point deadline) {
        std::unique_lock lock{mutex};
        return !wake.wait_until(lock, deadline, [&] { return quit || cancelled(run); });
    }

    // Waits until the wall-clock instant `at`, robust to clock changes during the wait.
    bool wait_for_wall_clock(const Run& run, Clock::time_point at) {
        while (true) {
            const auto left = at - Clock::now();
            if (left <= Clock::duration::zero()) return !cancelled(run);
            const auto step = std::min<Clock::duration>(left, std::chrono::seconds{1});
            if (!wait_until(run, Steady::now() + step)) return false;
        }
    }

    void loop() {
        set_thread_properties(*log);
        while (true) {
            Programme programme;
            std::uint64_t generation = 0;
            std::vector<std::string> done;
            {
                std::unique_lock lock{mutex};
                wake.wait(lock, [&] { return quit || !queue.empty() || !dropped.empty(); });
                if (quit) return;
                done.swap(dropped);
            }
            for (const auto& id : done) events.on_programme_done(id);
            {
                std::unique_lock lock{mutex};
                if (quit) return;
                if (queue.empty()) continue;
                programme = std::move(queue.front());
                queue.pop_front();
                generation = stops.load();
            }
            try {
                play_programme(Run{programme, generation, std::nullopt});
            } catch (const std::exception& e) {
                // Only a bug (or a throwing PlayerEvents) gets here; keep the promise anyway.
                log->error("programme '{}' aborted: {}", programme.id, e.what());
                try {
                    events.on_programme_done(programme.id);
                } catch (const std::exception& again) {
                    log->error("on_programme_done('{}') threw: {}", programme.id, again.what());
                }
            }
        }
    }

    void play_programme(Run run) {
        const auto& programme = run.programme;
        // Outputs open shortly before the start instant, so that the first sample is on time.
        if (options.paced && !wait_for_wall_clock(run, programme.start - open_ahead)) {
            events.on_programme_done(programme.id);
            return;
        }
        player::OutputSet set{outputs, programme.outputs};
        if (options.paced && !wait_for_wall_clock(run, programme.start)) {
            set.close();
            events.on_programme_done(programme.id);
            return;
        }
        if (set.empty()) {
            const std::string reason = "no output could be opened: " + set.failures();
            for (std::size_t cue = 0; cue < programme.cues.size() && !cancelled(run); ++cue)
                events.on_finished(programme.id, cue, Clock::now(), {}, CueResult::failed, reason);
            events.on_programme_done(programme.id);
            return;
        }
        const PcmFormat format = set.format();
        if (options.paced) run.pacer.emplace(format.sample_rate, Steady::now());
        for (std::size_t cue = 0; cue < programme.cues.size() && !cancelled(run); ++cue) {
            if (set.empty()) {  // every output failed during an earlier cue
                events.on_finished(programme.id, cue, Clock::now(), {}, CueResult::failed,
                                   "every output failed: " + set.failures());
                continue;
            }
            const bool last = cue + 1 == programme.cues.size();
            play_cue(run, set, cue, last);
        }
        set.close();
        events.on_programme_done(programme.id);
    }

    void play_cue(Run& run, player::OutputSet& set, std::size_t cue, bool last) {
        const auto& id = run.programme.id;
        const auto& file = run.programme.cues[cue].file;
        const PcmFormat format = set.format();
        std::uint64_t cue_frames = 0;
        const auto played = [&] { return frames_to_us(cue_frames, format.sample_rate); };
        const auto finish = [&](CueResult result, std::string reason) {
            events.on_finished(id, cue, Clock::now(), played(), result, std::move(reason));
        };

        std::optional<Decoder> decoder;
        try {
            decoder.emplace(file, format);
        } catch (const MediaError& e) {
            log->warn("programme '{}' cue {}: {}", id, cue, e.what());
            finish(CueResult::failed, e.what());
            return;
        }

        std::vector<Sample> chunk(chunk_frames * static_cast<std::size_t>(format.channels));
        const auto interval = std::chrono::duration_cast<std::chrono::microseconds>(
            options.progress_interval);
        auto next_progress = interval;
        bool started = false;
        while (true) {
            if (cancelled(run)) return finish(CueResult::interrupted, {});
            std::size_t got = 0;
            try {
                got = decoder->read(chunk);
            } catch (const MediaError& e) {
                log->warn("programme '{}' cue {}: {}", id, cue, e.what());
                if (!started) report_started(run, set, cue);
                return finish(CueResult::failed, e.what());
            }
            if (got == 0) break;
            if (run.pacer && !wait_until(run, run.pacer->write_time(run.frames)))
                return finish(CueResult::interrupted, {});
            set.write(std::span<const Sample>{chunk.data(), got * format.channels});
            if (!started) {
                report_started(run, set, cue);
                started = true;
            }
            if (set.empty())
                return finish(CueResult::failed, "every output failed: " + set.failures());
            cue_frames += got;
            run.frames += got;
            if (interval.count() > 0 && played() >= next_progress) {
                events.on_progress(id, cue, played());
                while (next_progress <= played()) next_progress += interval;
            }
        }
        if (!started) report_started(run, set, cue);
        // The programme's last sound ends in real time before the outputs close.
        if (last && run.pacer && !wait_until(run, run.pacer->end_time(run.frames)))
            return finish(CueResult::interrupted, {});
        finish(CueResult::completed, {});
    }

    void report_started(const Run& run, const player::OutputSet& set, std::size_t cue) {
        events.on_started(run.programme.id, cue, Clock::now(), set.names());
    }
};

FfmpegPlayer::FfmpegPlayer(std::vector<OutputSpec> outputs, PlayerEvents& events,
                           PlayerOptions options)
    : impl_(std::make_unique<Impl>(std::move(outputs), events, options)) {
    impl_->thread = std::thread{[impl = impl_.get()] { impl->loop(); }};
}

FfmpegPlayer::~FfmpegPlayer() {
    {
        std::lock_guard lock{impl_->mutex};
        impl_->quit = true;
        impl_->queue.clear();
        ++impl_->stops;
    }
    impl_->wake.notify_all();
    impl_->thread.join();
}

void FfmpegPlayer::play(Programme programme) {
    {
        std::lock_guard lock{impl_->mutex};
        impl_->queue.push_back(std::move(programme));
    }
    impl_->wake.notify_all();
}

void FfmpegPlayer::stop() {
    {
        std::lock_guard lock{impl_->mutex};
        for (auto& programme : impl_->queue) impl_->dropped.push_back(std::move(programme.id));
        impl_->queue.clear();
        ++impl_->stops;
    }
    impl_->wake.notify_all();
}

}  // namespace lp::audio
