#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include <ebur128.h>

namespace lp::audio {

// libebur128's error, with the call that returned it ("ebur128_add_frames_float: out of memory").
class Ebur128Error : public std::runtime_error {
public:
    Ebur128Error(const std::string& call, int code);
};

// Owns an ebur128_state (ebur128_init / ebur128_destroy) measuring integrated loudness and
// true peak. Throws Ebur128Error.
class Ebur128 {
public:
    Ebur128(unsigned channels, unsigned long rate);
    ~Ebur128() {
        if (state_ != nullptr) ebur128_destroy(&state_);  // it does not check: a moved-from one crashed
    }
    Ebur128(Ebur128&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
    Ebur128& operator=(Ebur128&& other) noexcept {
        std::swap(state_, other.state_);
        return *this;
    }
    Ebur128(const Ebur128&) = delete;
    Ebur128& operator=(const Ebur128&) = delete;

    // What channel `index` carries (EBUR128_LEFT, EBUR128_UNUSED for LFE, ...).
    void set_channel(unsigned index, int role);
    // Interleaved float frames, full scale ±1.0.
    void add(const float* interleaved, std::size_t frames);
    // Gated integrated loudness in LUFS; -HUGE_VAL when nothing rose above the gate.
    double integrated() const;
    // The highest true peak of any channel, linear (1.0 = full scale).
    double true_peak() const;

private:
    ebur128_state* state_ = nullptr;
};

}  // namespace lp::audio
