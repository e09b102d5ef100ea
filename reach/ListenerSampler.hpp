#pragma once
// Samples the listener count of each stream output an airing goes to (issue 13), on a thread
// of its own: the loop hands it an airing's start and end and gets the figures back through
// `deliver`; a slow or dead Icecast delays only the next sample (each fetch is bounded), never
// the loop or the player. Failures are logged (the first of each airing and output at warning
// level) and counted.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "reach/IcecastStats.hpp"
#include "reach/ListenerSeries.hpp"

namespace lp::reach {

struct SampledOutput {
    StatsSource source;
    std::chrono::seconds every{10};
};

struct SamplerOptions {
    // Bounds one fetch: connect, request and answer.
    std::chrono::milliseconds timeout{2000};
    // The instant a sample is taken at, for the time weighting.
    std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
    // Off: samples only at begin(), end() and sample_now() (tests drive the instants).
    bool periodic = true;
    // The fetch itself (tests may count it); default reach::fetch_listeners.
    std::function<int(const StatsSource&, std::chrono::milliseconds)> fetch;
};

class ListenerSampler {
public:
    using Figures = std::vector<journal::ListenerFigure>;

    explicit ListenerSampler(SamplerOptions options = {});
    // Stops the thread; airings not ended give no figures.
    ~ListenerSampler();
    ListenerSampler(const ListenerSampler&) = delete;
    ListenerSampler& operator=(const ListenerSampler&) = delete;

    // Airing `key` goes to `outputs`: one sample of each now, then one every output's `every`.
    void begin(std::uint64_t key, std::vector<SampledOutput> outputs);
    // It ended: one last sample of each, then `deliver` gets the figures of the outputs that
    // answered at least once (empty when none did), on the sampler's thread.
    void end(std::uint64_t key, std::function<void(Figures)> deliver);
    // One sample of every airing's outputs now, then `done` (on the sampler's thread).
    void sample_now(std::function<void()> done = {});

    // `done` runs (on the sampler's thread) once everything asked before it is done.
    void then(std::function<void()> done);

    std::uint64_t samples() const { return samples_; }
    std::uint64_t failures() const { return failures_; }

private:
    struct Output;
    struct Airing;
    void sample(Output& output);
    void arm(std::uint64_t key, Output& output);

    SamplerOptions options_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::map<std::uint64_t, std::shared_ptr<Airing>> airings_;  // on the sampler's thread only
    std::atomic<std::uint64_t> samples_{0};
    std::atomic<std::uint64_t> failures_{0};
    std::thread thread_;
};

}  // namespace lp::reach
