#pragma once
#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "audio/PcmFormat.hpp"

namespace lp::audio::output {

// A FIFO of PCM chunks that keeps its buffers: once it has held as many chunks as it will
// ever hold, push() copies into a buffer that already has the capacity (no allocation per
// chunk in steady state). front()'s span stays valid across push() (a buffer never moves;
// growing the ring moves only the vector objects) until pop() or clear().
// Not thread-safe: the owner locks.
class ChunkRing {
public:
    void push(std::span<const Sample> chunk) {
        if (count_ == slots_.size()) grow();
        slots_[(head_ + count_) % slots_.size()].assign(chunk.begin(), chunk.end());
        ++count_;
    }
    std::span<const Sample> front() const { return slots_[head_]; }
    void pop() {
        head_ = (head_ + 1) % slots_.size();
        --count_;
    }
    void clear() { head_ = count_ = 0; }
    bool empty() const { return count_ == 0; }

private:
    // Full: unroll so that the head is first, then add a slot at the end.
    void grow() {
        std::rotate(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(head_), slots_.end());
        head_ = 0;
        slots_.emplace_back();
    }

    std::vector<std::vector<Sample>> slots_;
    std::size_t head_ = 0;
    std::size_t count_ = 0;
};

}  // namespace lp::audio::output
