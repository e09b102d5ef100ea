#pragma once
#include <cstdint>
#include <string>

namespace lp::cli {

// A one-line progress bar on stderr, drawn only when stderr is a terminal (so scripts and
// tests see none of it). Redrawn when the percentage changes; erased by the destructor.
class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(std::uint64_t done, std::uint64_t total);

private:
    std::string label_;
    bool enabled_;
    int shown_ = -1;
};

}  // namespace lp::cli
