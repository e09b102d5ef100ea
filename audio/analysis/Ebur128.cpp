#include "audio/analysis/Ebur128.hpp"

#include <algorithm>

namespace lp::audio {
namespace {

// libebur128 has no strerror; these are its codes (ebur128.h, enum error).
std::string reason(int code) {
    switch (code) {
        case EBUR128_ERROR_NOMEM: return "out of memory";
        case EBUR128_ERROR_INVALID_MODE: return "invalid mode";
        case EBUR128_ERROR_INVALID_CHANNEL_INDEX: return "invalid channel index";
        case EBUR128_ERROR_NO_CHANGE: return "no change";
        default: return "error " + std::to_string(code);
    }
}

void check(int code, const char* call) {
    if (code != EBUR128_SUCCESS) throw Ebur128Error(call, code);
}

}  // namespace

Ebur128Error::Ebur128Error(const std::string& call, int code) : std::runtime_error(call + ": " + reason(code)) {}

Ebur128::Ebur128(unsigned channels, unsigned long rate)
    : state_(ebur128_init(channels, rate, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM | EBUR128_MODE_TRUE_PEAK)) {
    // ebur128_init returns NULL for a channel count or rate it refuses as well as for memory.
    if (state_ == nullptr)
        throw std::runtime_error("ebur128_init(" + std::to_string(channels) + " channels, " + std::to_string(rate) +
                                 " Hz) failed");
}

void Ebur128::set_channel(unsigned index, int role) {
    check(ebur128_set_channel(state_, index, role), "ebur128_set_channel");
}

void Ebur128::add(const float* interleaved, std::size_t frames) {
    check(ebur128_add_frames_float(state_, interleaved, frames), "ebur128_add_frames_float");
}

double Ebur128::integrated() const {
    double lufs = 0.0;
    check(ebur128_loudness_global(state_, &lufs), "ebur128_loudness_global");
    return lufs;
}

double Ebur128::true_peak() const {
    double highest = 0.0;
    for (unsigned c = 0; c < state_->channels; ++c) {
        double peak = 0.0;
        check(ebur128_true_peak(state_, c, &peak), "ebur128_true_peak");
        highest = std::max(highest, peak);
    }
    return highest;
}

}  // namespace lp::audio
