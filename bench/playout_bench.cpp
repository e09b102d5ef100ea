// Drives the real player for bench/playout.sh:
//   lp_playout_bench unpaced FILE          one pass to a null output, +3 dB gain, as fast as possible
//   lp_playout_bench paced FILE SECONDS    real time to a null output for SECONDS
//   lp_playout_bench lateness FILE N       N scheduled starts: first-sample lateness p50/p99/max,
//                                          beside a plain absolute-deadline sleep (the timer floor)
#include <time.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audio/FfmpegPlayer.hpp"

using namespace lp::audio;
using namespace std::chrono_literals;

namespace {

class Waiter final : public PlayerEvents {
public:
    std::mutex m;
    std::condition_variable cv;
    std::vector<Clock::time_point> started;
    int done = 0;
    void on_event(PlayerEvent e) override {
        if (const auto* s = std::get_if<lp::audio::event::Started>(&e.what)) {
            std::lock_guard l{m};
            started.push_back(s->at);
        } else if (const auto* f = std::get_if<lp::audio::event::Finished>(&e.what)) {
            if (f->result == CueResult::failed) std::fprintf(stderr, "failed: %s\n", f->failure.detail.c_str());
        } else if (std::holds_alternative<lp::audio::event::ProgrammeDone>(e.what)) {
            std::lock_guard l{m};
            ++done;
            cv.notify_all();
        }
    }
    void wait(int n) {
        std::unique_lock l{m};
        cv.wait(l, [&] { return done >= n; });
    }
};

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1))]; };
    std::printf("%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%zu)\n", what, at(0.5), at(0.99), ms.back(), ms.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return 2;
    const std::string mode = argv[1];
    const std::filesystem::path file = argv[2];
    const std::vector<OutputSpec> null_out{{"null", "null", "", {48000, 2}}};
    Waiter events;
    PlayerOptions options;
    options.progress_interval = 0ms;
    if (mode == "unpaced") {
        options.paced = false;
        options.loudness_target_lufs = -16.0;
        FfmpegPlayer player{null_out, events, options};
        player.play({"b", {{file, -19.0}}, {}, Clock::now()});  // gain +3 dB
        events.wait(1);
    } else if (mode == "paced") {
        const int seconds = argc > 3 ? std::atoi(argv[3]) : 60;
        FfmpegPlayer player{null_out, events, options};
        player.play({"b", {{file}}, {}, Clock::now() + 300ms});
        std::this_thread::sleep_for(std::chrono::seconds{seconds} + 300ms);  // the measured window
    } else if (mode == "lateness") {
        const int n = argc > 3 ? std::atoi(argv[3]) : 100;
        FfmpegPlayer player{null_out, events, options};
        std::vector<double> late;
        for (int i = 0; i < n; ++i) {
            const auto start = Clock::now() + 250ms;
            player.play({"p" + std::to_string(i), {{file}}, {}, start});
            events.wait(i + 1);
            std::lock_guard l{events.m};
            late.push_back(std::chrono::duration<double, std::milli>(events.started.back() - start).count());
        }
        report("player first sample", late);
        std::vector<double> floor;
        for (int i = 0; i < n; ++i) {
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            timespec due = now;
            due.tv_nsec += 20'000'000;
            if (due.tv_nsec >= 1'000'000'000) {
                due.tv_nsec -= 1'000'000'000;
                ++due.tv_sec;
            }
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, nullptr);
            timespec woke{};
            clock_gettime(CLOCK_MONOTONIC, &woke);
            floor.push_back(static_cast<double>(woke.tv_sec - due.tv_sec) * 1e3 +
                            static_cast<double>(woke.tv_nsec - due.tv_nsec) / 1e6);
        }
        report("absolute-deadline sleep", floor);
    }
    return 0;
}
