#include "audio/analysis/Rejection.hpp"

#include <cstdio>

namespace lp::audio {
namespace {

const char* name(RejectReason r) {
    switch (r) {
        case RejectReason::unreadable: return "unreadable";
        case RejectReason::empty: return "empty file";
        case RejectReason::not_audio: return "not audio";
        case RejectReason::no_samples: return "no audio samples";
        case RejectReason::undecodable: return "decoding failed";
        case RejectReason::truncated: return "truncated";
        case RejectReason::silent: return "silent";
    }
    return "rejected";
}

std::string message(RejectReason r, const std::string& file, const std::string& detail, std::optional<double> offset) {
    std::string text = file + ": " + name(r);
    if (offset) {
        char at[48];
        std::snprintf(at, sizeof at, " at %.3f s", *offset);
        text += at;
    }
    if (!detail.empty()) text += ": " + detail;
    return text;
}

}  // namespace

Rejected::Rejected(RejectReason reason, const std::string& file, std::string detail,
                   std::optional<double> offset_seconds)
    : std::runtime_error(message(reason, file, detail, offset_seconds)),
      reason_(reason),
      detail_(std::move(detail)),
      offset_(offset_seconds) {}

}  // namespace lp::audio
