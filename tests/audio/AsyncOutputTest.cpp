// The queue in front of network outputs (output::AsyncOutput) against a double whose writes
// block while the test holds them: a stalled peer, made to order.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "audio/Errors.hpp"
#include "audio/output/AsyncOutput.hpp"
#include "tests/support/Wait.hpp"

using namespace lp::audio;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t frames_per_chunk = 1024;

// What the double's peer did; the test holds and releases it.
struct Peer {
    bool held = false;                   // write() blocks while set
    std::optional<std::string> error{};  // write() throws this
    int writes_begun = 0;
    int opens = 0;
    std::vector<Sample> received{};
    bool closed = false;
};

class HeldOutput final : public Output {
public:
    explicit HeldOutput(lp::test::Guarded<Peer>& peer) : peer_(peer) {
        spec_.name = "ice";
        spec_.kind = "icecast";
        spec_.target = "icecast://source:secret@127.0.0.1:8000/cchc";
    }
    void open() override {
        peer_.update([](Peer& p) { ++p.opens; });
        open_ = true;
    }
    void write(std::span<const Sample> interleaved) override {
        peer_.update([](Peer& p) { ++p.writes_begun; });
        // Bounded, so that a broken decorator fails the test instead of hanging it.
        peer_.wait_for(10s, [](const Peer& p) { return !p.held; });
        if (const auto error = peer_.get().error) throw OutputError(*error);
        peer_.update([&](Peer& p) { p.received.insert(p.received.end(), interleaved.begin(), interleaved.end()); });
    }
    void close() noexcept override {
        if (open_) peer_.update([](Peer& p) { p.closed = true; });
        open_ = false;
    }
    bool is_open() const override { return open_; }
    const OutputSpec& spec() const override { return spec_; }

private:
    lp::test::Guarded<Peer>& peer_;
    OutputSpec spec_;
    bool open_ = false;
};

// Chunk `n`: stereo frames numbered from n * frames_per_chunk, so that order shows.
std::vector<Sample> chunk(std::size_t n) {
    std::vector<Sample> samples(frames_per_chunk * 2);
    for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = static_cast<Sample>(n * frames_per_chunk + i / 2);
    return samples;
}

std::vector<Sample> chunks(std::size_t count) {
    std::vector<Sample> all;
    for (std::size_t n = 0; n < count; ++n) {
        const auto c = chunk(n);
        all.insert(all.end(), c.begin(), c.end());
    }
    return all;
}

std::string thrown_by(const std::function<void()>& call) {
    try {
        call();
    } catch (const OutputError& e) {
        return e.what();
    }
    return "(nothing thrown)";
}

TEST(AsyncOutput, WritesReturnAtOnceWhileThePeerStallsUntilTheQueueIsFull) {
    lp::test::Guarded<Peer> peer{Peer{.held = true}};
    // 200 ms at 48 kHz: 9600 frames, the chunk being written included.
    output::AsyncOutput output{std::make_unique<HeldOutput>(peer), 200ms};
    output.open();
    output.write(chunk(0));
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.writes_begun == 1; }));
    for (std::size_t n = 1; n < 9; ++n) {
        const auto before = std::chrono::steady_clock::now();
        output.write(chunk(n));
        EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "write " << n << " waited for the peer";
    }
    const auto stalled = thrown_by([&] { output.write(chunk(9)); });
    EXPECT_EQ(stalled,
              "output 'ice' (icecast 'icecast://source:***@127.0.0.1:8000/cchc'): stalled: 192 ms of audio queued");
    EXPECT_EQ(thrown_by([&] { output.write(chunk(9)); }), stalled) << "the failure is reported until close()";

    const auto before = std::chrono::steady_clock::now();
    output.close();  // the player drops the output: it must not wait for the stuck peer
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms);
    EXPECT_FALSE(output.is_open());
    peer.update([](Peer& p) { p.held = false; });
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; }));
    EXPECT_EQ(peer.get().received, chunks(9)) << "what was queued before the stall went out, in order";
}

TEST(AsyncOutput, AFailedWriteIsThrownByTheNextWrite) {
    lp::test::Guarded<Peer> peer{Peer{.error = "output 'ice' (icecast): avio_write() failed: Broken pipe"}};
    output::AsyncOutput output{std::make_unique<HeldOutput>(peer), 2s};
    output.open();
    output.write(chunk(0));
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; })) << "the broken output is closed at once";
    EXPECT_EQ(thrown_by([&] { output.write(chunk(1)); }), "output 'ice' (icecast): avio_write() failed: Broken pipe");
    output.close();
    EXPECT_TRUE(peer.get().received.empty());
}

TEST(AsyncOutput, CloseSendsWhatIsQueuedThenTheSilentTailThenCloses) {
    lp::test::Guarded<Peer> peer{Peer{.held = true}};
    output::AsyncOutput output{std::make_unique<HeldOutput>(peer), 2s, 100ms};
    output.open();
    for (std::size_t n = 0; n < 5; ++n) output.write(chunk(n));
    peer.update([](Peer& p) { p.held = false; });
    const auto before = std::chrono::steady_clock::now();
    output.close();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "close() waited for the peer";
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; }));
    EXPECT_GE(std::chrono::steady_clock::now() - before, 80ms) << "the tail goes out in real time";
    auto expected = chunks(5);
    expected.resize(expected.size() + 4800 * 2, 0);
    EXPECT_EQ(peer.get().received, expected);
}

TEST(AsyncOutput, AnOpenDuringTheTailKeepsTheConnectionForTheNextProgramme) {
    lp::test::Guarded<Peer> peer{Peer{}};
    output::AsyncOutput output{std::make_unique<HeldOutput>(peer), 2s, 1s};
    output.open();
    for (std::size_t n = 0; n < 3; ++n) output.write(chunk(n));
    output.close();  // the programme ends; its tail starts
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.received.size() > chunks(3).size(); }));
    output.open();  // the next programme, back to back
    EXPECT_TRUE(output.is_open());
    output.write(chunk(3));
    output.close();
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; }));
    const auto got = peer.get();
    EXPECT_EQ(got.opens, 1) << "the stream was not kept";
    // The first programme, some of its tail (less than the whole second), the second
    // programme, then its whole tail.
    const auto first = chunks(3);
    ASSERT_GT(got.received.size(), first.size() + frames_per_chunk * 2 + 48000 * 2);
    EXPECT_TRUE(std::equal(first.begin(), first.end(), got.received.begin()));
    const auto second_at = got.received.size() - 48000 * 2 - frames_per_chunk * 2;
    EXPECT_LT(second_at - first.size(), 48000u * 2) << "the first tail ran to its end";
    EXPECT_TRUE(std::all_of(got.received.begin() + static_cast<std::ptrdiff_t>(first.size()),
                            got.received.begin() + static_cast<std::ptrdiff_t>(second_at),
                            [](Sample s) { return s == 0; }));
    const auto second = chunk(3);
    EXPECT_TRUE(
        std::equal(second.begin(), second.end(), got.received.begin() + static_cast<std::ptrdiff_t>(second_at)));
}

TEST(AsyncOutput, ReopensAfterAStallAndQueuesAgain) {
    lp::test::Guarded<Peer> peer{Peer{.held = true}};
    output::AsyncOutput output{std::make_unique<HeldOutput>(peer), 50ms};  // 2400 frames
    output.open();
    output.write(chunk(0));
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.writes_begun == 1; }));
    output.write(chunk(1));
    EXPECT_NE(thrown_by([&] { output.write(chunk(2)); }).find("stalled"), std::string::npos);
    output.close();
    peer.update([](Peer& p) { p.held = false; });
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; }));
    peer.update([](Peer& p) { p = Peer{}; });
    output.open();
    output.write(chunk(0));
    output.write(chunk(1));
    output.close();
    ASSERT_TRUE(peer.wait_for(5s, [](const Peer& p) { return p.closed; }));
    EXPECT_EQ(peer.get().received, chunks(2));
}

}  // namespace
