#include "audio/FfmpegPlayer.hpp"

#include <list>

#include <pthread.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "audio/Decoder.hpp"
#include "audio/Errors.hpp"
#include "audio/detail/Log.hpp"
#include "audio/live/LiveCue.hpp"
#include "audio/player/OutputSet.hpp"
#include "audio/player/Pacer.hpp"
#include "audio/player/Shaper.hpp"
#include "audio/player/TestStall.hpp"
#include "domain/WallClock.hpp"

namespace lp::audio {

namespace {

// The player decodes, shapes and writes this much audio per wake-up. Waking ten times a
// second rather than fifty is most of what paced playout costs (each wake-up finds the
// decoder's tables cold); 100 ms of lead on top keeps 100-200 ms queued in the outputs.
constexpr std::chrono::milliseconds chunk_duration{100};
constexpr std::chrono::milliseconds open_ahead{200};
// Network outputs have until this long before the start to connect; the rest of the pre-roll
// is for opening and decoding the first cue.
constexpr std::chrono::milliseconds settle_before{50};
using Steady = std::chrono::steady_clock;

std::size_t chunk_frames(const PcmFormat& format) {
    return static_cast<std::size_t>(format.sample_rate) * static_cast<std::size_t>(chunk_duration.count()) / 1000;
}

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

// How much shorter than `length` a cue that decoded to its end was, when that is more than
// decoder rounding can explain (a file cut short or changed since import).
std::optional<std::chrono::milliseconds> ended_early(std::chrono::milliseconds length,
                                                     std::chrono::microseconds played) {
    if (length.count() <= 0) return std::nullopt;
    const auto tolerance = std::max<std::chrono::microseconds>(std::chrono::milliseconds{300}, length / 50);
    if (played + tolerance >= length) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(length - played);
}

std::string seconds_text(std::chrono::microseconds t) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(t.count()) / 1e6);
    return text;
}

}  // namespace

struct FfmpegPlayer::Impl {
    std::list<player::PlayerOutput> outputs;  // for the player's lifetime: streams go on between programmes
    PlayerEvents& events;
    PlayerOptions options;
    std::shared_ptr<spdlog::logger> log = detail::logger("audio");

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Programme> queue;          // guarded by mutex
    std::vector<std::string> dropped;     // ids dropped by stop(), to report; guarded by mutex
    bool quit = false;                    // guarded by mutex
    std::atomic<std::uint64_t> stops{0};  // bumped by stop(): cuts what plays now
    std::optional<CutPoint> position;     // the latest cue started or settled; guarded by mutex
    std::string ending_live;              // the programme whose live cues end now (end_live); guarded by mutex
    struct Reconfig {
        std::vector<OutputSpec> specs;
        PlayerOptions options;
    };
    std::optional<Reconfig> reconfig;  // from reconfigure(), applied at the next boundary; guarded by mutex
    // The cue on air: the wall time reported for its first sample, and the steady time then
    // (player thread only).
    struct CueStart {
        Clock::time_point wall;
        Steady::time_point steady;
    };
    std::optional<CueStart> cue_start;
    std::thread thread;

    Impl(std::vector<OutputSpec> specs, PlayerEvents& ev, PlayerOptions opts)
        : outputs(player::make_player_outputs(specs)), events(ev), options(opts) {}

    // The state of the programme being played.
    struct Run {
        const Programme& programme;
        std::uint64_t generation;
        PcmFormat format{};           // what cues decode to: the first output's
        bool awaiting_start = false;  // paced and the first sample is not out yet
        std::optional<player::Pacer> pacer;
        std::uint64_t frames = 0;       // written since the programme's first sample
        std::size_t failures_seen = 0;  // of the set's failures, counted in the health meters
        live::OpenAhead sources;        // live cues opened ahead
    };

    // Every pass of the thread's loop and every wait beats (the watchdog's proof of life).
    void beat() {
        player::test_stall_point();
        if (options.health) options.health->beat();
    }

    bool cancelled(const Run& run) const { return stops.load() != run.generation; }

    // Waits until `deadline` or a stop. Returns false when stopped.
    bool wait_until(const Run& run, Steady::time_point deadline) {
        beat();
        std::unique_lock lock{mutex};
        return !wake.wait_until(lock, deadline, [&] { return quit || cancelled(run); });
    }

    // Waits until the wall-clock instant `at`, robust to clock changes during the wait.
    bool wait_for_wall_clock(const Run& run, Clock::time_point at) {
        while (true) {
            const auto left = at - domain::wall_now();
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
                // Idle, it still wakes once a second to beat: a player stuck anywhere stops beating.
                while (!wake.wait_for(lock, std::chrono::seconds{1},
                                      [&] { return quit || !queue.empty() || !dropped.empty() || reconfig; })) {
                    lock.unlock();
                    beat();
                    lock.lock();
                }
                if (quit) return;
                done.swap(dropped);
            }
            apply_reconfig(nullptr, nullptr);  // idle: nothing plays
            for (const auto& id : done) send(id, 0, event::ProgrammeDone{});
            {
                std::unique_lock lock{mutex};
                if (quit) return;
                if (queue.empty()) continue;
                programme = std::move(queue.front());
                queue.pop_front();
                generation = stops.load();
            }
            try {
                beat();
                play_programme(
                    Run{programme, generation, PcmFormat{}, false, std::nullopt, 0, 0, live::OpenAhead{options.live}});
                if (options.health) options.health->closed();
            } catch (const std::exception& e) {
                // Only a bug (or a throwing PlayerEvents) gets here; keep the promise anyway.
                log->error("programme '{}' aborted: {}", programme.id, e.what());
                try {
                    send(programme.id, 0, event::ProgrammeDone{});
                } catch (const std::exception& again) {
                    log->error("the programme-done event of '{}' threw: {}", programme.id, again.what());
                }
            }
        }
    }

    // Applies a reloaded config between cues (`set`: the airing's outputs, null when idle).
    void apply_reconfig(player::OutputSet* set, const Programme* programme) {
        std::optional<Reconfig> next;
        {
            std::lock_guard lock{mutex};
            next.swap(reconfig);
        }
        if (!next) return;
        options.loudness_target_lufs = next->options.loudness_target_lufs;
        options.fade_in = next->options.fade_in;
        options.fade_out = next->options.fade_out;
        options.gap = next->options.gap;
        std::list<player::PlayerOutput> kept;
        std::vector<player::PlayerOutput*> made;
        for (const auto& spec : next->specs) {
            const auto same =
                std::find_if(outputs.begin(), outputs.end(), [&](const auto& o) { return o.output->spec() == spec; });
            if (same != outputs.end()) {
                kept.splice(kept.end(), outputs, same);  // the node (and the set's pointer to it) stays
            } else {
                kept.emplace_back(player::make_player_output(spec));
                made.push_back(&kept.back());
            }
        }
        std::vector<const player::PlayerOutput*> going;
        for (const auto& o : outputs) going.push_back(&o);
        if (set) set->leave(going);
        for (const auto& o : outputs)
            log->info("output '{}' removed or changed by the reload: closed", o.output->spec().name);
        outputs = std::move(kept);  // the outputs gone are destroyed here
        const auto wanted = [&](const std::string& name) {
            return programme->outputs.empty() ||
                   std::find(programme->outputs.begin(), programme->outputs.end(), name) != programme->outputs.end();
        };
        for (auto* o : made) {
            log->info("output '{}' added or changed by the reload", o->output->spec().name);
            if (set && wanted(o->output->spec().name)) set->join(*o);
        }
    }

    void play_programme(Run run) {
        const auto& programme = run.programme;
        apply_reconfig(nullptr, nullptr);
        // A live source connects while the programme waits for its start (the engine hands it
        // over a little ahead), so that its first audio is there at the start instant.
        cue_start.reset();  // a cue cut without its end reported is not this programme's
        open_live(run, 0, outputs_format(programme));
        // Outputs open shortly before the start instant, so that the first sample is on time.
        if (options.paced && !wait_for_wall_clock(run, programme.start - open_ahead)) {
            send(programme.id, 0, event::ProgrammeDone{});
            return;
        }
        player::OutputSet set{outputs, programme.outputs, programme.start,
                              player::RetryPolicy{options.retry_first, options.retry_max}};
        // Network outputs connect in the background: those ready a little before the start
        // instant carry the first sample, a slow one joins when it is ready, and the
        // loudspeakers never wait for it, unless nothing else would carry the airing.
        if (options.paced)
            set.settle(Steady::now() + std::chrono::duration_cast<Steady::duration>(programme.start - settle_before -
                                                                                    domain::wall_now()));
        else
            set.settle(std::nullopt);
        if (set.empty() && set.opening()) set.settle(std::nullopt);
        if (options.health) options.health->failed(set.failure_list(), run.failures_seen);
        if (set.empty()) {
            // Nothing carries the airing: report it now (the journal says why), but at the
            // slot's time, not 200 ms early.
            if (options.paced && !wait_for_wall_clock(run, programme.start)) {
                set.close();
                send(programme.id, 0, event::ProgrammeDone{});
                return;
            }
            const Failure failure{FailureKind::no_output, "no output could be opened: " + set.failures()};
            for (std::size_t cue = 0; cue < programme.cues.size() && !cancelled(run); ++cue)
                send(programme.id, cue, event::Finished{cue_ended_at(), {}, CueResult::failed, failure});
            set.close();
            send(programme.id, 0, event::ProgrammeDone{});
            return;
        }
        run.format = set.format();
        run.awaiting_start = options.paced;
        for (std::size_t cue = 0; cue < programme.cues.size() && !cancelled(run); ++cue) {
            if (cue > 0) apply_reconfig(&set, &programme);  // a reload: between items, nothing cut
            if (set.empty() && !set.reopen_now()) {         // every output failed during an earlier cue
                send(programme.id, cue,
                     event::Finished{cue_ended_at(),
                                     {},
                                     CueResult::failed,
                                     {FailureKind::outputs_failed, "every output failed: " + set.failures()}});
                continue;
            }
            const bool last = cue + 1 == programme.cues.size();
            if (play_cue(run, set, cue, last) && !last && options.gap.count() > 0) play_gap(run, set);
        }
        set.close();
        send(programme.id, 0, event::ProgrammeDone{});
    }

    // Waits for the programme's start instant before its first write; the pacer's timeline
    // begins there.
    bool begin_timeline(Run& run) {
        if (!run.awaiting_start) return true;
        if (!wait_for_wall_clock(run, run.programme.start)) return false;
        run.pacer.emplace(run.format.sample_rate, Steady::now());
        run.awaiting_start = false;
        return true;
    }

    // Writes paced frames; false when stopped.
    bool write_paced(Run& run, player::OutputSet& set, std::span<const Sample> samples) {
        if (samples.empty()) return true;
        if (!begin_timeline(run)) return false;
        if (run.pacer && !wait_until(run, run.pacer->write_time(run.frames))) return false;
        set.write(samples);
        if (options.health) {
            options.health->failed(set.failure_list(), run.failures_seen);
            options.health->fed(samples, set.names());
        }
        run.frames += samples.size() / static_cast<std::size_t>(run.format.channels);
        return true;
    }

    void play_gap(Run& run, player::OutputSet& set) {
        const auto frames =
            static_cast<std::uint64_t>(options.gap.count()) * static_cast<std::uint64_t>(run.format.sample_rate) / 1000;
        const std::size_t chunk = chunk_frames(run.format);
        const std::vector<Sample> silence(chunk * static_cast<std::size_t>(run.format.channels));
        for (std::uint64_t done = 0; done < frames && !cancelled(run) && !set.empty();) {
            const auto n = std::min<std::uint64_t>(chunk, frames - done);
            if (!write_paced(run, set, {silence.data(), n * static_cast<std::size_t>(run.format.channels)})) return;
            done += n;
        }
    }

    // A fixed gain to the loudness target for a recording the library measured.
    double gain_of(const std::optional<double>& measured) const {
        if (!options.loudness_target_lufs || !measured) return 0.0;
        return std::clamp(*options.loudness_target_lufs - *measured, -options.max_cut_db, options.max_boost_db);
    }

    double gain_for(const Run& run, std::size_t cue) const {
        const auto& measured = run.programme.cues[cue].loudness_lufs;
        const char* why = !options.loudness_target_lufs ? "the loudness target is off"
                          : !measured ? "no loudness measure in the library (shorter than 0.4 s, or never imported)"
                                      : nullptr;
        if (why) {
            log->info("programme '{}' cue {} ({}): played without gain: {}", run.programme.id, cue,
                      run.programme.cues[cue].file.string(), why);
            return 0.0;
        }
        const double gain = gain_of(measured);
        log->debug("programme '{}' cue {}: {:.1f} LUFS, gain {:+.1f} dB", run.programme.id, cue, *measured, gain);
        return gain;
    }

    // What a cue wrote: reports its start with the first samples and output changes after,
    // and its progress.
    struct CueTrack {
        Impl& player;
        Run& run;
        player::OutputSet& set;
        std::size_t cue;
        std::uint64_t frames = 0;
        bool started = false;
        std::uint64_t seen_generation = set.generation();
        std::chrono::microseconds interval =
            std::chrono::duration_cast<std::chrono::microseconds>(player.options.progress_interval);
        std::chrono::microseconds next_progress = interval;

        std::chrono::microseconds played() const { return frames_to_us(frames, run.format.sample_rate); }
        // Writes shaped samples; false when stopped.
        bool emit(std::span<const Sample> samples) {
            // Where the cue's first sample lands in the archive: asked before it is written.
            const auto recording = started || samples.empty() ? std::nullopt : set.recording_position();
            if (!player.write_paced(run, set, samples)) return false;
            if (samples.empty()) return true;
            if (!started) {
                player.report_started(run, set, cue, recording);
                started = true;
                seen_generation = set.generation();
            } else if (set.generation() != seen_generation) {
                seen_generation = set.generation();
                player.send(run.programme.id, cue, event::OutputsChanged{domain::wall_now(), set.names()});
            }
            frames += samples.size() / static_cast<std::size_t>(run.format.channels);
            return true;
        }
        void progress(std::chrono::microseconds played) {
            if (interval.count() <= 0 || played < next_progress) return;
            player.send(run.programme.id, cue, event::Progress{played});
            while (next_progress <= played) next_progress += interval;
        }
        void ensure_started() {
            if (!started) player.report_started(run, set, cue);
            started = true;
        }
    };

    // Plays one cue; returns whether it reached the outputs to its end (for the gap).
    bool play_cue(Run& run, player::OutputSet& set, std::size_t cue, bool last) {
        open_live(run, cue + 1, run.format);  // the next live source connects while this cue airs
        if (run.programme.cues[cue].live) return play_live(run, set, cue, last);
        const auto& id = run.programme.id;
        const auto& file = run.programme.cues[cue].file;
        const PcmFormat format = run.format;
        CueTrack track{*this, run, set, cue};
        const auto finish = [&](CueResult result, Failure failure = {}) {
            if (!settle(run, cue, result)) result = CueResult::interrupted;
            send(id, cue, event::Finished{cue_ended_at(), track.played(), result, std::move(failure)});
            return result == CueResult::completed;
        };

        // The check runs on another thread, started when the programme was decided; it is
        // normally done by now.
        if (const auto& check = run.programme.cues[cue].check; check.valid()) {
            if (auto failure = check.get()) {
                log->warn("programme '{}' cue {}: not aired: {}", id, cue, failure.detail);
                return finish(CueResult::failed, std::move(failure));
            }
        }
        // During the pre-roll for the first cue: the file is probed before the start instant.
        std::optional<Decoder> decoder;
        try {
            decoder.emplace(file, format);
        } catch (const MediaError& e) {
            log->warn("programme '{}' cue {}: {}", id, cue, e.what());
            return finish(CueResult::failed, e.failure());
        }
        player::Shaper shaper{format, gain_for(run, cue), options.fade_in, options.fade_out};

        std::vector<float> chunk(chunk_frames(format) * static_cast<std::size_t>(format.channels));
        while (true) {
            if (cancelled(run)) return finish(CueResult::interrupted);
            std::size_t got = 0;
            try {
                got = decoder->read(chunk);
            } catch (const MediaError& e) {
                log->warn("programme '{}' cue {}: {}", id, cue, e.what());
                (void)track.emit(shaper.finish());  // fade out what was decoded: no click
                track.ensure_started();
                return finish(CueResult::failed, e.failure());
            }
            if (got == 0) break;
            if (!track.emit(shaper.push({chunk.data(), got * static_cast<std::size_t>(format.channels)})))
                return finish(CueResult::interrupted);
            if (set.empty())
                return finish(CueResult::failed,
                              {FailureKind::outputs_failed, "every output failed: " + set.failures()});
            track.progress(track.played());
        }
        if (!track.emit(shaper.finish())) return finish(CueResult::interrupted);
        track.ensure_started();
        // The programme's last sound ends in real time before the outputs close.
        if (last && run.pacer && !wait_until(run, run.pacer->end_time(run.frames)))
            return finish(CueResult::interrupted);
        if (auto short_by = ended_early(run.programme.cues[cue].length, track.played())) {
            log->warn("programme '{}' cue {}: {} ended {} ms before the length the library measured", id, cue,
                      file.string(), short_by->count());
            return finish(
                CueResult::failed,
                {FailureKind::ended_early, file.string() + ": the stream ended after " + seconds_text(track.played()) +
                                               " s of " + seconds_text(run.programme.cues[cue].length) + " s"});
        }
        return finish(CueResult::completed);
    }

    // The format the programme's outputs will take (OutputSet::format(): its first output's).
    PcmFormat outputs_format(const Programme& programme) const {
        for (const auto& o : outputs) {
            const auto& name = o.output->spec().name;
            if (programme.outputs.empty() ||
                std::find(programme.outputs.begin(), programme.outputs.end(), name) != programme.outputs.end())
                return o.output->spec().format;
        }
        return {};
    }

    // Starts receiving the live source of `cue` (if it is one and not yet received).
    void open_live(Run& run, std::size_t cue, PcmFormat format) {
        if (cue < run.programme.cues.size() && run.programme.cues[cue].live)
            run.sources.open(cue, *run.programme.cues[cue].live, format);
    }

    // The player's side of a live cue: writes, paces and reports for live::air_live.
    struct LiveSink final : live::CueSink {
        Impl& player;
        Run& run;
        player::OutputSet& set;
        std::size_t cue;
        CueTrack track{player, run, set, cue};

        LiveSink(Impl& p, Run& r, player::OutputSet& s, std::size_t c) : player(p), run(r), set(s), cue(c) {}
        bool cancelled() const override { return player.cancelled(run); }
        bool end_requested() const override {
            std::lock_guard lock{player.mutex};
            return player.ending_live == run.programme.id;
        }
        bool emit(std::span<const Sample> samples) override { return track.emit(samples); }
        void progress(std::chrono::microseconds relayed) override { track.progress(relayed); }
        void ensure_started() override { track.ensure_started(); }
        std::optional<std::string> outputs_failed() const override {
            if (!set.empty()) return std::nullopt;
            return set.failures();
        }
        bool drain() override { return !run.pacer || player.wait_until(run, run.pacer->end_time(run.frames)); }
        bool finish(CueResult result, Failure failure, LiveReport report) override {
            run.sources.close(cue);  // disconnects (the relay must not be used after this)
            if (!player.settle(run, cue, result)) result = CueResult::interrupted;
            player.send(
                run.programme.id, cue,
                event::Finished{player.cue_ended_at(), report.relayed, result, std::move(failure), std::move(report)});
            return result == CueResult::completed;
        }
    };

    // Airs a live cue for exactly its length (see the header's contract).
    bool play_live(Run& run, player::OutputSet& set, std::size_t cue, bool last) {
        const auto& spec = *run.programme.cues[cue].live;
        auto& source = run.sources.take(cue, spec, run.format);
        const live::LiveCueSetup setup{run.programme.id,
                                       cue,
                                       run.programme.cues[cue].length,
                                       run.format,
                                       chunk_frames(run.format),
                                       options.live.buffer,
                                       options.loudness_target_lufs,
                                       options.max_cut_db,
                                       options.max_boost_db,
                                       gain_of(spec.fallback_loudness_lufs),
                                       options.fade_in,
                                       options.fade_out,
                                       last,
                                       live::notice_for(spec, options.live),
                                       options.live.notice_after,
                                       options.live.notice_every};
        LiveSink sink{*this, run, set, cue};
        return live::air_live(source, setup, sink, *log);
    }

    // A cue's end is settled under the lock a stop takes its cut point with: it is completed
    // only if no stop came first (false: it was cut, if only at its very end).
    bool settle(const Run& run, std::size_t cue, CueResult result) {
        std::lock_guard lock{mutex};
        if (result == CueResult::interrupted) return true;
        if (result == CueResult::completed && cancelled(run)) return false;
        position = CutPoint{run.programme.id, cue, true};
        return true;
    }

    void report_started(const Run& run, const player::OutputSet& set, std::size_t cue,
                        std::optional<RecordingPosition> recording = std::nullopt) {
        {
            std::lock_guard lock{mutex};
            position = CutPoint{run.programme.id, cue, false};
        }
        const auto wall = domain::wall_now();
        cue_start = CueStart{wall, Steady::now()};
        send(run.programme.id, cue, event::Started{wall, set.names(), std::move(recording)});
    }

    // When the cue that ends now ended: its start's wall time plus the steady time since, so that
    // a wall clock set while it aired (NTP stepping it, someone correcting it) neither stretches
    // nor shrinks its journal row; the wall clock itself for a cue that never started.
    Clock::time_point cue_ended_at() {
        if (!cue_start) return domain::wall_now();
        const auto at =
            cue_start->wall + std::chrono::duration_cast<Clock::duration>(Steady::now() - cue_start->steady);
        cue_start.reset();
        return at;
    }

    void send(const std::string& programme, std::size_t cue, decltype(PlayerEvent::what) what) {
        events.on_event(PlayerEvent{programme, cue, std::move(what)});
    }
};

FfmpegPlayer::FfmpegPlayer(std::vector<OutputSpec> outputs, PlayerEvents& events, PlayerOptions options)
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

void FfmpegPlayer::reconfigure(std::vector<OutputSpec> outputs, const PlayerOptions& options) {
    {
        std::lock_guard lock{impl_->mutex};
        impl_->reconfig = Impl::Reconfig{std::move(outputs), options};
    }
    impl_->wake.notify_all();
}

void FfmpegPlayer::end_live(const std::string& programme) {
    {
        std::lock_guard lock{impl_->mutex};
        impl_->ending_live = programme;
    }
    impl_->wake.notify_all();
}

std::optional<CutPoint> FfmpegPlayer::stop() {
    std::optional<CutPoint> at;
    {
        std::lock_guard lock{impl_->mutex};
        for (auto& programme : impl_->queue) impl_->dropped.push_back(std::move(programme.id));
        impl_->queue.clear();
        ++impl_->stops;
        at = impl_->position;
    }
    impl_->wake.notify_all();
    return at;
}

}  // namespace lp::audio
