#include "daemon/LiveNotice.hpp"

#include <exception>

#include "daemon/Logging.hpp"
#include "domain/Texts.hpp"
#include "library/Speech.hpp"

namespace lp::daemon {
namespace {

std::filesystem::path make_notice(const std::filesystem::path& wav, std::string_view words, std::string_view what) {
    try {
        std::filesystem::create_directories(wav.parent_path());
        library::speak_vietnamese(words, wav);
        return wav;
    } catch (const std::exception& e) {
        logger("audio")->warn("no spoken notice for {} without a fallback file, silence instead: {}", what, e.what());
        return {};
    }
}

}  // namespace

LiveNotices make_live_notices(const std::filesystem::path& media_dir) {
    const auto folder = media_dir / ".live-notice";
    return {make_notice(folder / "thong-bao-mat-tin-hieu.wav", domain::texts::notice_words, "relayed streams"),
            make_notice(folder / "thong-bao-gian-doan-truc-tiep.wav", domain::texts::capture_notice_words,
                        "capture devices")};
}

}  // namespace lp::daemon
