#pragma once
#include <algorithm>
#include <chrono>

namespace lp::journal {

// Delays between retries: `first`, then doubling up to `most`.
class Backoff {
public:
    Backoff(std::chrono::milliseconds first, std::chrono::milliseconds most) : first_(first), most_(most) {}
    std::chrono::milliseconds next() {
        const auto delay = current_;
        current_ = std::min(current_ * 2, most_);
        return delay;
    }
    void reset() { current_ = first_; }

private:
    std::chrono::milliseconds first_;
    std::chrono::milliseconds most_;
    std::chrono::milliseconds current_ = first_;
};

}  // namespace lp::journal
