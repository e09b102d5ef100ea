#include "journal/AiringReasons.hpp"

#include "domain/Texts.hpp"

namespace lp::journal::reasons {

namespace texts = domain::texts;
using audio::FailureKind;

std::string failure(FailureKind kind) {
    switch (kind) {
        case FailureKind::none: return std::string(texts::failed);
        case FailureKind::file_missing: return std::string(texts::file_missing);
        case FailureKind::file_unreadable: return std::string(texts::file_unreadable);
        case FailureKind::file_changed: return std::string(texts::file_changed);
        case FailureKind::not_audio: return std::string(texts::not_audio);
        case FailureKind::no_decoder: return std::string(texts::no_decoder);
        case FailureKind::undecodable: return std::string(texts::undecodable);
        case FailureKind::broke_midway: return std::string(texts::broke_midway);
        case FailureKind::ended_early: return std::string(texts::ended_early);
        case FailureKind::no_output: return std::string(texts::no_output);
        case FailureKind::outputs_failed: return std::string(texts::outputs_failed);
        case FailureKind::source_unreachable: return std::string(texts::source_unreachable);
        case FailureKind::source_dropouts: return std::string(texts::source_dropouts);
    }
    return std::string(texts::failed);
}

std::string partial(FailureKind kind, std::chrono::microseconds played, std::chrono::milliseconds length) {
    return texts::partial(played, length, failure(kind));
}

std::string fallback_name(const audio::LiveReport& live) {
    if (live.fallback.empty() && live.notice) return std::string(texts::notice_fallback);
    return live.fallback;
}

std::string dropouts(const audio::LiveReport& live) {
    std::chrono::milliseconds down{0};
    for (const auto& d : live.dropouts) down += d.length;
    return texts::dropouts_summary(live.dropouts.size(), down, fallback_name(live));
}

}  // namespace lp::journal::reasons
