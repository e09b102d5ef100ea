#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "audio/Output.hpp"
#include "audio/output/ChunkRing.hpp"

namespace lp::audio::output {

// An Output that hands its chunks to a writer thread of its own, for peers that can stall
// (an Icecast server that stops reading blocks a write for its whole I/O timeout): write()
// copies the chunk into a bounded queue and returns at once, so the caller (the player
// thread, which also feeds the loudspeakers) never waits on the network.
//
// Failures come back on the caller's side: when the wrapped write threw, the next write()
// throws OutputError with its message; when more than `queue_limit` of audio is waiting (the
// peer has been stalled that long) write() throws OutputError "<output>: stalled: N ms of
// audio queued". The caller then closes the output and retries it, as for any failure.
//
// close() never waits: the writer finishes what is queued, then sends `tail` of silence in
// real time (a relay such as icecast2 drops the last moments it holds when its source
// disconnects; no tail after a failure), for at most their duration plus a margin (a stalled
// write is bounded by the wrapped output's I/O timeout); then it closes the wrapped output
// (trailer included) and ends. An open() that comes before that keeps the connection: the
// next programme follows on the same stream. Otherwise open() and the destructor wait for
// the writer to end.
//
// Calls come from one thread at a time, as for any Output.
class AsyncOutput final : public Output {
public:
    AsyncOutput(std::unique_ptr<Output> wrapped, std::chrono::milliseconds queue_limit,
                std::chrono::milliseconds tail = {});
    ~AsyncOutput() override;
    AsyncOutput(const AsyncOutput&) = delete;
    AsyncOutput& operator=(const AsyncOutput&) = delete;

    void set_airing_start(std::chrono::system_clock::time_point start) override { airing_start_ = start; }
    // Opens the wrapped output synchronously (the caller sees its error) and starts the writer.
    void open() override;
    void write(std::span<const Sample> interleaved) override;
    void close() noexcept override;
    bool is_open() const override { return open_; }
    const OutputSpec& spec() const override { return wrapped_->spec(); }

private:
    enum class Ending { none, drain, cut };
    using Steady = std::chrono::steady_clock;

    void run() noexcept;                                                               // the writer thread
    std::optional<std::string> write_wrapped(std::span<const Sample> chunk) noexcept;  // the error
    bool send_tail(std::unique_lock<std::mutex>& lock);
    void join_writer() noexcept;
    std::chrono::milliseconds duration(std::uint64_t frames) const;
    std::uint64_t frames_in(std::span<const Sample> interleaved) const;

    std::unique_ptr<Output> wrapped_;  // the writer's alone while it runs
    std::uint64_t limit_frames_;
    std::uint64_t tail_frames_;
    const std::vector<Sample> silence_;  // one step of the tail
    std::optional<std::chrono::system_clock::time_point> airing_start_;
    bool open_ = false;  // caller's side
    std::thread writer_;

    std::mutex mutex_;
    std::condition_variable work_;  // to the writer: a chunk is queued, or the end
    // Guarded by mutex_:
    ChunkRing queue_;
    std::uint64_t queued_frames_ = 0;     // including the chunk being written
    std::optional<std::string> failure_;  // what the caller's next write() throws
    Ending ending_ = Ending::none;
    Steady::time_point drain_deadline_{};  // when draining: the writer gives up then
    std::uint64_t takeovers_ = 0;          // open() calls that took over a connection still in its tail
    bool delivered_ = false;               // the writer sent all it will send: too late for open() to take over
};

}  // namespace lp::audio::output
