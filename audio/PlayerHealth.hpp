#pragma once
// What the player thread tells the loop about its health without a lock: a heartbeat bumped
// on every pass of its loop (idle or playing, at least once a second), and for each
// configured output what it was fed: the peak level since the loop last looked, whether it is
// live, and its failures and reopenings. One writer (the player thread), one reader (the
// loop); relaxed atomics are enough, each field stands alone. The loop adds meters for the
// outputs a reload adds: the meters live in a fixed array, published by an atomic count.

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "audio/Output.hpp"

namespace lp::audio {

struct OutputMeter {
    std::string name;
    std::atomic<float> peak{0};             // linear, 0..1; the loop takes it with exchange(0)
    std::atomic<float> rms{0};              // of the last chunk, linear
    std::atomic<bool> live{false};          // open and written to in the current programme
    std::atomic<std::uint64_t> chunks{0};   // chunks fed
    std::atomic<std::uint64_t> errors{0};   // failures to open or write
    std::atomic<std::uint64_t> retries{0};  // reopenings tried after a failure
    // Player thread only.
    bool was_live = false;
    bool failed_before = false;  // in the current programme
};

class PlayerHealth {
public:
    // Room for `spare` more outputs than given, added later by add().
    explicit PlayerHealth(const std::vector<std::string>& output_names, std::size_t spare = 64);

    std::atomic<std::uint64_t> heartbeat{0};
    void beat() { heartbeat.fetch_add(1, std::memory_order_relaxed); }

    std::span<OutputMeter> meters() { return {meters_.get(), count_.load(std::memory_order_acquire)}; }
    std::span<const OutputMeter> meters() const { return {meters_.get(), count_.load(std::memory_order_acquire)}; }
    OutputMeter* find(const std::string& name);

    // Loop thread (the only one that adds): a meter for `name` unless it has one (an output
    // a reload added; one removed keeps its meter and counts). nullptr when the room is used up.
    OutputMeter* add(const std::string& name);

    // Player thread: one chunk fed to the outputs named live (peak/RMS computed once).
    void fed(std::span<const Sample> interleaved, const std::vector<std::string>& live);
    // Player thread: failures listed as "name: reason", from index `seen` on, are new; counts
    // them (errors, and a retry for each one after the first of an output) and moves `seen`.
    void failed(const std::vector<std::string>& failures, std::size_t& seen);
    // Player thread: the programme closed its outputs.
    void closed();

private:
    std::unique_ptr<OutputMeter[]> meters_;
    std::size_t capacity_;
    std::atomic<std::size_t> count_;
};

}  // namespace lp::audio
